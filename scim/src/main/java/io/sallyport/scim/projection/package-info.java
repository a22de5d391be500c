/**
 * What a listing returns and in which order: the {@code attributes} and {@code excludedAttributes}
 * projection (RFC 7644 §3.4.2.5) and the {@code sortBy}/{@code sortOrder} comparator (§3.4.2.3),
 * both over resource JSON and both driven by the schema definitions. No paging and no storage.
 */
package io.sallyport.scim.projection;
