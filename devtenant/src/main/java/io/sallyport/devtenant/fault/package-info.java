/**
 * Injected faults (latency, error statuses in Graph's or Entra's shape, dropped connections) applied
 * before routing to every path except {@code /_devtenant}. Never sleeps: delays are Vert.x timers.
 */
package io.sallyport.devtenant.fault;
