/**
 * Browser sign-in and server-side sessions: the OIDC code flow with PKCE against the tenant
 * ({@link io.sallyport.gateway.session.OidcClient}), the {@code /.sallyport/} endpoints that drive it
 * (sign-in, callback, sign-out), sessions kept in the store and cached in memory, their refresh and
 * their revocation on every node (which also closes the session's WebSockets).
 *
 * <p>What must not live here: route checks (pipeline/authz) and token verification (entra/oidc).
 * A session only ever holds an access token for Sallyport itself; the same verifier and the same
 * checks as for bearer tokens decide what it may reach.
 */
package io.sallyport.gateway.session;
