/**
 * POST/PUT body validation: {@link io.sallyport.scim.resource.ResourceValidator} turns a client's
 * resource into the attributes to store, in canonical form ({@code schemas} included; no id, meta,
 * password or group members). {@link io.sallyport.scim.resource.AttributeValues} is the one place
 * where a value is checked against its definition, shared with PATCH.
 */
package io.sallyport.scim.resource;
