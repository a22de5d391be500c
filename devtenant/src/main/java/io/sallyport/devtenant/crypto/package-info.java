/**
 * Keys and certificates: the rotating token-signing key ring (kid = x5t, published with x5c), the
 * HTTPS identity for localhost, and compact JWS signing and verification.
 */
package io.sallyport.devtenant.crypto;
