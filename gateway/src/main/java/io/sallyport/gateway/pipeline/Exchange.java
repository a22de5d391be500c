package io.sallyport.gateway.pipeline;

import io.sallyport.gateway.pipeline.route.Route;

/**
 * What the gateway learns about one request as it moves through the pipeline, written by one
 * event-loop thread and read once at the end by the access log and the metrics. Mutable by
 * design: it is a per-request scratch pad, never shared or stored.
 */
public final class Exchange {

  public final String requestId;
  public final long startNanos;
  public final long startEpochMillis;
  public final String method;
  public final String path;
  public Route route;
  /** The client's IP: the peer, or what a trusted proxy said it forwarded for; null when unknown. */
  public String clientIp;
  /** The client's User-Agent as sent (unclipped; whoever stores it clips it); null when none. */
  public String userAgent;
  /** For a request the gateway answers itself (e.g. {@code scim}): the name logs and metrics use as its route. */
  public String surface;
  public Decision decision;
  public String user;
  public int status;
  public long bytesIn;
  public long bytesOut;
  /** Nanoseconds from sending upstream to its response headers; -1 when never forwarded. */
  public long upstreamNanos = -1;
  public String outcome = "ok";
  /** True when a stale pooled upstream connection made the gateway send the request again. */
  public boolean retried;
  /** Run if the client goes away before the response ended (frees the upstream side). */
  public Runnable onClientGone;
  private boolean finished;

  public Exchange(String requestId, long startNanos, long startEpochMillis, String method, String path) {
    this.requestId = requestId;
    this.startNanos = startNanos;
    this.startEpochMillis = startEpochMillis;
    this.method = method;
    this.path = path;
  }

  public String routeName() {
    return route != null ? route.name() : surface != null ? surface : "-";
  }

  /** @return true exactly once: the first caller records the exchange, later ones skip it */
  public boolean finish() {
    if (finished) {
      return false;
    }
    finished = true;
    return true;
  }
}
