/**
 * Attribute paths and SCIM filters (RFC 7644 §3.4.2.2, §3.10): parsing into a tree, checking it
 * against the schemas, and evaluating it over resource JSON. Every malformed input is a 400
 * {@code ScimException} (invalidFilter, or invalidPath for PATCH paths); nothing else escapes.
 */
package io.sallyport.scim.filter;
