/**
 * The SCIM-provisioned directory inside the gateway: the scim module's storage SPI implemented on
 * {@link io.sallyport.gateway.store.DirectoryStore}, the bearer tokens Entra provisioning
 * authenticates with, what deprovisioning a user does (sessions revoked, every node told, audited),
 * and the SCIM surface mounted on the public listener.
 *
 * <p>What must not live here: SCIM protocol decisions (validation, PATCH, filters, projection,
 * ETags belong to {@code io.sallyport.scim}), SQL (the store's), and anything on the proxy's path.
 */
package io.sallyport.gateway.directory;
