package io.sallyport.gateway.pipeline.forward;

import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.MultiMap;

/**
 * Who the caller is, told to the upstream: called once per allowed request of a signed-in caller,
 * after the client's copies of these headers were stripped. Runs on the event loop, so it must
 * be cheap (the assertion signer caches its signatures).
 */
@FunctionalInterface
public interface UpstreamIdentity {

  /** Adds nothing: for gateways and tests without an assertion. */
  UpstreamIdentity NONE = (route, decision, headers) -> true;

  /**
   * @return false when the identity cannot be stated (no signing key yet): the request is then
   *     refused with 503 rather than forwarded without it
   */
  boolean addTo(Route route, Decision decision, MultiMap headers);
}
