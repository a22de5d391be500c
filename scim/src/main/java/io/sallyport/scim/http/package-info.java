/**
 * The SCIM HTTP surface: {@link io.sallyport.scim.http.ScimEndpoint#router} and its seams (auth
 * hook, options). Request parsing, listing, ETags and the one error mapper live here; schemas,
 * filters, PATCH and validation do not (they are the schema, filter, patch and resource packages),
 * and nothing here knows how storage works beyond the SPI.
 */
package io.sallyport.scim.http;
