/**
 * SCIM PATCH (RFC 7644 §3.5.2) in every form Entra sends: {@link io.sallyport.scim.patch.PatchRequest}
 * checks a body's shape, {@link io.sallyport.scim.patch.PatchEngine} applies its operations to a
 * copy of the stored attributes and returns the new ones plus group membership changes. Pure: no
 * storage, no I/O, nothing half-applied. Paths and value filters are the {@code filter} package's.
 */
package io.sallyport.scim.patch;
