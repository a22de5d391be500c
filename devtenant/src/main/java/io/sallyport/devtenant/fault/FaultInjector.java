package io.sallyport.devtenant.fault;

import io.sallyport.devtenant.Context;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs first for every request and applies the installed faults that match it, in the order they
 * were added: their latencies add up (a Vert.x timer, never a sleeping thread), then the first
 * matching status or drop ends the request. Requests to {@code /_devtenant} are never touched, so a
 * test can always reach the control API to remove the faults it installed.
 */
public final class FaultInjector implements Handler<RoutingContext> {

  private final Context ctx;
  private final Random random;
  private final List<Fault> faults = new CopyOnWriteArrayList<>();

  public FaultInjector(Context ctx) {
    this(ctx, new Random());
  }

  public FaultInjector(Context ctx, Random random) {
    this.ctx = ctx;
    this.random = random;
  }

  public Fault add(FaultSpec spec) {
    Fault f = new Fault(UUID.randomUUID().toString(), spec);
    faults.add(f);
    return f;
  }

  public List<Fault> list() {
    return List.copyOf(faults);
  }

  public Optional<Fault> remove(String id) {
    Optional<Fault> f = faults.stream().filter(x -> x.id().equals(id)).findFirst();
    f.ifPresent(faults::remove);
    return f;
  }

  public int clear() {
    int n = faults.size();
    faults.clear();
    return n;
  }

  @Override
  public void handle(RoutingContext rc) {
    // The normalised path, so /v1.0/../_devtenant/... cannot get a control call faulted (or dodge a fault).
    String path = rc.normalizedPath();
    if (faults.isEmpty() || path.equals("/_devtenant") || path.startsWith("/_devtenant/")) {
      rc.next();
      return;
    }
    String method = rc.request().method().name();
    long latency = 0;
    Fault terminal = null;
    for (Fault f : faults) {
      boolean ends = f.spec().status() != null || f.spec().drop();
      if (!f.matches(method, path) || (ends && terminal != null) || !chance(f.spec().probability()) || !f.take()) {
        continue;
      }
      latency += f.spec().latencyMs();
      if (ends) {
        terminal = f;
      }
    }
    Fault end = terminal;
    if (latency > 0) {
      // Hold the body while we wait: the body handler after us must still receive all of it.
      rc.request().pause();
      ctx.vertx().setTimer(latency, t -> finish(rc, end, path));
    } else {
      finish(rc, end, path);
    }
  }

  private boolean chance(double probability) {
    return probability >= 1 || (probability > 0 && random.nextDouble() < probability);
  }

  private void finish(RoutingContext rc, Fault end, String path) {
    if (end == null) {
      rc.next();
    } else if (end.spec().drop()) {
      // No response at all: the client sees the connection close, as with a crashed front end.
      rc.request().connection().close();
    } else {
      FaultResponses.send(rc, end.spec(), path, ctx.clock());
    }
  }

  /** For listings: every fault as JSON, in application order. */
  public List<io.vertx.core.json.JsonObject> describe() {
    List<io.vertx.core.json.JsonObject> out = new ArrayList<>();
    faults.forEach(f -> out.add(f.toJson()));
    return out;
  }
}
