/**
 * SCIM 2.0 protocol (RFC 7643/7644): resources, filter parser, PATCH engine, errors, router, with
 * storage behind an SPI that the gateway implements. Knows nothing of the gateway.
 *
 * <p>Empty in the foundation build: the module exists so the layout, the build and the bundled jar
 * are in place; the protocol arrives with the SCIM work.
 */
package io.sallyport.scim;
