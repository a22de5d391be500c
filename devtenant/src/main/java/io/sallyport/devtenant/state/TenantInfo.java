package io.sallyport.devtenant.state;

import java.time.Duration;

/** The tenant itself: id, verified domain, and the few tenant-wide settings the scenario sets. */
public record TenantInfo(String id, String domain, String displayName, int groupsOverageLimit,
    boolean mfaForEveryone, Duration accessTokenLifetime) {}
