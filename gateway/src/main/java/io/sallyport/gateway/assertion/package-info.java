/**
 * The signed identity assertion the gateway sends upstream: its own signing keys (ES256 when generated, RS256 for an operator's RSA key; a key
 * ring kept in the store so every node signs with the same current key, or one operator-supplied
 * key), rotation with an overlap, the published JWKS, and the per-request signer with its cache.
 *
 * <p>The hot path ({@link io.sallyport.gateway.assertion.Assertions}) reads in-memory state only
 * and signs only on a cache miss; key generation and every store call run on worker pools.
 * Private keys never leave this package except into the store, and are never logged.
 */
package io.sallyport.gateway.assertion;
