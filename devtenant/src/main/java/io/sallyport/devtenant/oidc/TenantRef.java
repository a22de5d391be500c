package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.http.EntraError;
import io.sallyport.devtenant.state.TenantInfo;
import java.util.Locale;

/**
 * The {@code {tenant}} path segment as Entra reads it: this tenant by GUID or verified domain, or
 * one of the multi-tenant aliases {@code common} and {@code organizations}. Anything else is
 * AADSTS90002. {@code segment} is what the caller wrote, kept for the token endpoint URL a client
 * assertion names.
 */
record TenantRef(String segment, boolean multi, String tenantId) {

  static TenantRef resolve(String segment, TenantInfo info) {
    String s = segment == null ? "" : segment.toLowerCase(Locale.ROOT);
    if (s.equals("common") || s.equals("organizations")) {
      return new TenantRef(s, true, info.id());
    }
    if (s.equals(info.id().toLowerCase(Locale.ROOT)) || s.equals(info.domain().toLowerCase(Locale.ROOT))) {
      return new TenantRef(segment, false, info.id());
    }
    throw notFound(segment);
  }

  static EntraError notFound(String segment) {
    return new EntraError("invalid_request", 90002, "Tenant '" + segment + "' not found. Check to make sure you"
        + " have the correct tenant ID and are signing into the correct cloud. Check with your subscription"
        + " administrator, this may happen if there are no active subscriptions for the tenant.");
  }

  /** The segment discovery documents put in endpoint URLs: the GUID for this tenant, the alias otherwise. */
  String pathSegment() {
    return multi ? segment : tenantId;
  }

  boolean isCommon() {
    return segment.equalsIgnoreCase("common");
  }
}
