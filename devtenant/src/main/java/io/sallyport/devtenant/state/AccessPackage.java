package io.sallyport.devtenant.state;

import java.time.Instant;

/** An entitlement-management access package with its (single) assignment policy. */
public record AccessPackage(String id, String displayName, String description, boolean hidden, String catalogId,
    String policyId, Instant createdAt, Instant modifiedAt) {}
