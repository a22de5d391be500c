/**
 * The SCIM-provisioned directory inside the gateway: the scim module's storage SPI implemented on
 * {@link io.sallyport.gateway.store.DirectoryStore}, the bearer tokens Entra provisioning
 * authenticates with, what deprovisioning a user does (sessions revoked, every node told, audited),
 * the SCIM surface mounted on the public listener, the events that tell every node the directory
 * changed, and the in-memory cache of each caller's standing ({@link
 * io.sallyport.gateway.directory.DirectoryFactsCache}) that the access decision reads.
 *
 * <p>What must not live here: SCIM protocol decisions (validation, PATCH, filters, projection,
 * ETags belong to {@code io.sallyport.scim}), SQL (the store's), and access decisions (the
 * directory requirement is {@code pipeline.authz}'s; this package only answers from memory or
 * loads on the store's workers).
 */
package io.sallyport.gateway.directory;
