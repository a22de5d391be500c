package io.sallyport.gateway.pipeline.forward;

import io.sallyport.gateway.http.Problem;
import io.sallyport.gateway.pipeline.route.Route;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Maps what went wrong talking to an upstream onto the status a client should see: 504 when the
 * upstream was too slow, 502 when it could not be reached or broke the exchange. The detail names
 * the route, never the upstream's address (that is the operator's business, and it is logged).
 */
final class UpstreamFailures {

  private UpstreamFailures() {}

  static Problem classify(Throwable t, Route route) {
    String name = route.name();
    if (isConnectTimeout(t)) {
      return new Problem(504, "upstream.connect_timeout", "Upstream connect timeout",
          "Could not connect to the upstream of route \"" + name + "\" within "
              + route.config().timeouts().connect().toMillis() + " ms.");
    }
    if (t instanceof TimeoutException || String.valueOf(t.getMessage()).contains("timeout period")) {
      return new Problem(504, "upstream.timeout", "Upstream timeout",
          "The upstream of route \"" + name + "\" did not answer in time.");
    }
    if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
        || t.getCause() instanceof ConnectException) {
      return new Problem(502, "upstream.unreachable", "Upstream unreachable",
          "The upstream of route \"" + name + "\" refused or could not take the connection.");
    }
    return new Problem(502, "upstream.reset", "Upstream failed",
        "The upstream of route \"" + name + "\" closed or reset the exchange.");
  }

  static Problem requestTimeout(Route route) {
    return new Problem(504, "upstream.timeout", "Upstream timeout",
        "The upstream of route \"" + route.name() + "\" sent no response within "
            + route.config().timeouts().request().toMillis() + " ms.");
  }

  /** The upstream closed or reset the connection (as opposed to being slow or unreachable). */
  static boolean isClosedConnection(Throwable t) {
    if (t instanceof io.vertx.core.http.HttpClosedException) {
      return true;
    }
    String msg = String.valueOf(t.getMessage());
    return t instanceof java.io.IOException && (msg.contains("reset") || msg.contains("closed"))
        || msg.contains("Connection was closed");
  }

  private static boolean isConnectTimeout(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String cls = c.getClass().getName();
      String msg = String.valueOf(c.getMessage());
      if (cls.endsWith("ConnectTimeoutException") || msg.contains("connection timed out")
          || msg.contains("when getting a connection")) {
        return true;
      }
    }
    return false;
  }
}
