/**
 * SCIM 2.0 service provider protocol (RFC 7643/7644) as Entra provisioning speaks it: schemas,
 * filters, PATCH, errors and the HTTP router, with storage behind {@link
 * io.sallyport.scim.spi.ScimStorage}. Knows nothing of the gateway.
 */
package io.sallyport.scim;
