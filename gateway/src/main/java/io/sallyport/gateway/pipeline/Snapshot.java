package io.sallyport.gateway.pipeline;

import io.sallyport.gateway.config.ProxyConfig;
import io.sallyport.gateway.config.SallyportConfig;
import io.sallyport.gateway.pipeline.route.RouteTable;

/**
 * The configuration in force, as the hot path reads it. Swapped whole on reload; a request
 * reads the reference once at its start and keeps that snapshot to its end, so requests in
 * flight finish on the route they started on.
 */
public record Snapshot(SallyportConfig config, RouteTable routes, ProxyConfig proxy, long generation) {

  public static Snapshot of(SallyportConfig config, long generation) {
    return new Snapshot(config, RouteTable.compile(config.routes()), config.proxy(), generation);
  }
}
