package io.sallyport.devtenant.fault;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** An installed fault: its spec, how many requests it affected ({@code hits}) and how many it may still affect. */
public final class Fault {

  private final String id;
  private final FaultSpec spec;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicInteger remaining;

  Fault(String id, FaultSpec spec) {
    this.id = id;
    this.spec = spec;
    this.remaining = spec.times() == null ? null : new AtomicInteger(spec.times());
  }

  public String id() {
    return id;
  }

  public FaultSpec spec() {
    return spec;
  }

  public long hits() {
    return hits.get();
  }

  boolean matches(String method, String path) {
    return (spec.method() == null || spec.method().equals(method)) && spec.path().matches(path);
  }

  /** Takes one use of the fault; false once {@code times} is used up. */
  boolean take() {
    if (remaining != null && remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) <= 0) {
      return false;
    }
    hits.incrementAndGet();
    return true;
  }

  public JsonObject toJson() {
    JsonObject j = new JsonObject().put("id", id).put("path", spec.path().source()).put("method", spec.method())
        .put("latency-ms", spec.latencyMs()).put("status", spec.status()).put("retry-after", spec.retryAfterHeader())
        .put("drop", spec.drop()).put("times", spec.times()).put("probability", spec.probability())
        .put("hits", hits.get());
    j.put("remaining", remaining == null ? null : remaining.get());
    return j;
  }
}
