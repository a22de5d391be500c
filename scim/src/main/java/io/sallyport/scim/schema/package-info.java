/**
 * Attribute and schema definitions (RFC 7643 §2, §4, §7): the core User and Group schemas, the
 * enterprise User extension, case-insensitive name resolution, and the discovery documents.
 * Definitions only: no parsing of client text (see {@code filter}) and no storage.
 */
package io.sallyport.scim.schema;
