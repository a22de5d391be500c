/**
 * The decision audit: every access decision of the data plane becomes an {@code access.*} audit
 * event, sampled and coalesced on the event loop in memory, queued with a bound and written to
 * the store in batches from a worker. Nothing here writes to the database per request, blocks an
 * event loop, or keeps a token; a full queue drops and counts rather than slowing traffic.
 */
package io.sallyport.gateway.audit;
