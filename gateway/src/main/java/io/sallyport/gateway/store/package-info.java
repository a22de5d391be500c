/**
 * Durable state, one interface per aggregate: {@link io.sallyport.gateway.store.SessionStore},
 * {@link io.sallyport.gateway.store.AuditStore}, {@link io.sallyport.gateway.store.DirectoryStore},
 * plus the cross-node {@link io.sallyport.gateway.store.EventChannel}, all reached through the
 * {@link io.sallyport.gateway.store.Store} handle the composition root opens.
 *
 * <p>What lives here: the interfaces, the records they exchange and the typed exceptions they fail
 * with. Every method returns a {@code Future}; callers never see JDBC, SQL or a {@code
 * SQLException}.
 *
 * <p>What must not: imports of {@code pipeline}, {@code admin} or any feature package (features
 * depend on the store, never the other way), and any mention of a concrete database outside
 * {@link io.sallyport.gateway.store.Store#open}, which is the one place that picks H2 or
 * PostgreSQL.
 */
package io.sallyport.gateway.store;
