/**
 * Entra ID access-token verification: OIDC discovery, the JWKS key source (cached, refetched on an
 * unknown {@code kid} at a bounded rate), the verifier with Entra's own issuer rules (v1, v2 and
 * multi-tenant templates, {@code tid} allow-list) and the verified-token cache.
 *
 * <p>Nothing here calls UserInfo or any other endpoint with a presented token: a token is valid
 * only when its signature and claims check out locally. Nothing here blocks an event loop, and
 * nothing here imports {@code pipeline}: the authentication stage and the SCIM endpoint depend on
 * this package, never the other way round.
 */
package io.sallyport.gateway.entra.oidc;
