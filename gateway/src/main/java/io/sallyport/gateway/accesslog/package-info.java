/**
 * The access log: one JSON line per request, written off the event loop. Never logs headers,
 * bodies, query strings or tokens: only the path, so secrets in query strings stay out of logs.
 */
package io.sallyport.gateway.accesslog;
