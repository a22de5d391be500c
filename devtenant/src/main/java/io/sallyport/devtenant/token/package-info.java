/** Minting and checking devtenant's tokens: claims by Entra's rules, v1/v2 shapes, signing, verification. */
package io.sallyport.devtenant.token;
