/**
 * Micrometer meters for the data plane and the JVM, exposed in Prometheus format on the
 * management listener. Meters are resolved once per route, never per request.
 */
package io.sallyport.gateway.metrics;
