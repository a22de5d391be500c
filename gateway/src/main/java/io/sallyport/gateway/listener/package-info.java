/**
 * The public listener: server options (TLS, ALPN, limits), one verticle instance per event loop,
 * the strict decoder on every HTTP/1 connection, graceful drain.
 */
package io.sallyport.gateway.listener;
