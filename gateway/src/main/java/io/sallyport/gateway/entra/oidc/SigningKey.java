package io.sallyport.gateway.entra.oidc;

import java.security.PublicKey;

/**
 * One RSA signing key of the tenant.
 *
 * @param issuer  Entra's non-standard JWK {@code issuer} member: a {@code {tenantid}} template
 *                (usable for any tenant) or a concrete issuer (only for that tenant); null if absent
 */
public record SigningKey(String kid, PublicKey key, String issuer) {}
