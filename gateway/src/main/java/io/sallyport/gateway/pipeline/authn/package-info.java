/**
 * AUTHENTICATE for API callers: the bearer token from the {@code Authorization} header, verified
 * through the tenant's shared {@code VerifiedTokenCache}, then the route's checks
 * ({@code pipeline.authz}), and the answer a refusal gets: problem+json with the reason, plus the
 * {@code WWW-Authenticate} header Entra clients expect (including the Conditional Access claims
 * challenge). Browser sign-in and sessions are not here yet.
 */
package io.sallyport.gateway.pipeline.authn;
