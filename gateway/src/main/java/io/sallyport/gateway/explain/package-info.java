/**
 * The "why was I denied" tool: {@code POST /explain} on the management listener runs a route's
 * decision for a token, a user's newest session or hypothetical claims, and shows each check's
 * verdict, the SCIM directory's facts and what to do next. It reuses the data plane's own
 * verifier and checks ({@code BearerPolicy}, {@code RouteChecks}), so it cannot disagree with
 * them. Operator-only: the management listener must stay on loopback or a private network. It
 * never echoes or logs a token, and it changes no state.
 */
package io.sallyport.gateway.explain;
