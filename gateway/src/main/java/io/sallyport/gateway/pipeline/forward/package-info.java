/**
 * FORWARD stage and the public listener's request handler: request hygiene, header hygiene and
 * forwarding headers, pooled upstream clients (one set per event loop), streamed bodies with
 * limits, the WebSocket tunnel, and the mapping of upstream failures to 502/504. Never blocks;
 * never buffers a body whole; never lets a client-supplied identity header through.
 */
package io.sallyport.gateway.pipeline.forward;
