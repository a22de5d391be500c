/**
 * Entra's identity endpoints on devtenant: discovery and JWKS (v2 and v1), MSAL's instance
 * discovery and user realm, the authorize endpoint with its server-rendered sign-in, MFA and
 * terms-of-use pages, the token endpoint (authorization code + PKCE, refresh, client credentials,
 * on-behalf-of, password), logout and UserInfo. Codes, refresh tokens, sign-in transactions and SSO
 * sessions live in memory here ({@link io.sallyport.devtenant.oidc.GrantStore}), bounded and
 * expiring by the scenario clock. Tokens are minted by {@code token.TokenIssuer}; nothing here
 * knows about Graph's resources.
 */
package io.sallyport.devtenant.oidc;
