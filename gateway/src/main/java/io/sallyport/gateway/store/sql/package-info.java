/**
 * The one SQL implementation of the store, for H2 (embedded, one node) and PostgreSQL (several
 * nodes). The schema and nearly all SQL are shared; {@link io.sallyport.gateway.store.sql.Dialect}
 * holds the few differences, and the event channel has one implementation per database.
 *
 * <p>What lives here: one table class per aggregate, the JDBC runner that moves every call onto
 * the {@code sallyport-store} worker pool, the error translation to typed store exceptions, and
 * the event channels. Migrations are in {@code src/main/resources/db/migration}.
 *
 * <p>What must not: any public type except {@link io.sallyport.gateway.store.sql.SqlStores}, which
 * only {@code Store.open} calls; JDBC on an event-loop thread; a {@code SQLException} escaping a
 * {@code Future}; imports of {@code pipeline}, {@code admin} or feature packages.
 */
package io.sallyport.gateway.store.sql;
