/**
 * HTTP surface shared by every listener: problem+json, request ids, and the decoder-level
 * refusals of malformed or ambiguous requests. Nothing here knows about routes or users.
 */
package io.sallyport.gateway.http;
