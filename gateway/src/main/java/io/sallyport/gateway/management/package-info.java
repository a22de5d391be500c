/**
 * The management listener: /healthz, /readyz (every readiness check, with its verdict), and
 * Prometheus /metrics. Binds to loopback unless the operator says otherwise.
 */
package io.sallyport.gateway.management;
