/**
 * The Microsoft Graph client: app-only tokens from msal4j (blocking, so on their own small pool,
 * single-flight through a Caffeine cache keyed by scope), non-blocking Graph calls over a Vert.x
 * WebClient (per-call timeout, 429/503/504 retried after Retry-After, nextLink paging kept on the
 * configured Graph origin, metrics per operation), and the per-user facts built on it, cached per
 * user with refresh-ahead and a bounded stale-if-error: transitive group membership
 * ({@link io.sallyport.gateway.entra.graph.GroupMemberships}), delivered access package assignments
 * ({@link io.sallyport.gateway.entra.graph.PackageAssignments}), and terms of use acceptances, read
 * on behalf of the user ({@link io.sallyport.gateway.entra.graph.TermsFacts}), through the one
 * on-behalf-of cache ({@link io.sallyport.gateway.entra.graph.OboTokens}, which PIM activation uses
 * too; {@link io.sallyport.gateway.entra.graph.DelegatedTokens} is its view for Graph's default scope).
 *
 * <p>{@link io.sallyport.gateway.entra.graph.GraphClient} is the one seam: on-behalf-of tokens and the
 * Graph SDK's rarer writes (issue 6) plug in behind it. Nothing here knows the pipeline: callers
 * turn {@link io.sallyport.gateway.entra.graph.GraphUnavailable} into their own
 * {@code *.unavailable} reasons (fail closed).
 */
package io.sallyport.gateway.entra.graph;
