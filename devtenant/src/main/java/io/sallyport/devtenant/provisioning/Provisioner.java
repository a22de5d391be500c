package io.sallyport.devtenant.provisioning;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.scenario.Scenario.ProvisioningSpec;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * devtenant playing Entra's provisioning service toward a SCIM 2.0 endpoint: configured from the
 * scenario's {@code provisioning:} section or the control API, it runs a cycle on command and every
 * {@code interval} (real time, like Entra's ~40 minute cycles; moving the scenario clock does not
 * trigger one). One cycle runs at a time; the job remembers target ids between cycles.
 */
public final class Provisioner {

  private final Context ctx;
  private ProvisioningConfig config;
  private ScimClient client;
  private ProvisioningMemory memory = new ProvisioningMemory();
  private ProvisioningReport last;
  private Future<ProvisioningReport> running;
  private long timer = -1;

  public Provisioner(Context ctx) {
    this.ctx = ctx;
  }

  /** Applies the scenario's provisioning section, if it names a SCIM URL, and starts its schedule. */
  public synchronized void startSchedule() {
    ProvisioningSpec spec = ctx.scenario().provisioning();
    if (spec == null || spec.scimUrl() == null) {
      return;
    }
    apply(new ProvisioningConfig(spec.scimUrl(), spec.token(), spec.interval(), null,
        ProvisioningConfig.DEFAULT_CONCURRENCY), null);
  }

  /** Replaces the configuration (reading the CA file on a worker); a new SCIM URL starts a new job memory. */
  public Future<ProvisioningConfig> configure(ProvisioningConfig next) {
    if (next.caFile() == null) {
      synchronized (this) {
        apply(next, null);
      }
      return Future.succeededFuture(next);
    }
    return ctx.vertx().executeBlocking(() -> Buffer.buffer(Files.readAllBytes(Path.of(next.caFile()))), false)
        .map(pem -> {
          synchronized (this) {
            apply(next, pem);
          }
          return next;
        });
  }

  private void apply(ProvisioningConfig next, Buffer caPem) {
    cancelTimer();
    if (client != null) {
      client.close();
    }
    if (config == null || !Objects.equals(config.scimUrl(), next.scimUrl())) {
      memory = new ProvisioningMemory();
    }
    config = next;
    client = ScimClient.create(ctx.vertx(), next, caPem);
    if (!next.interval().isZero()) {
      timer = ctx.vertx().setPeriodic(next.interval().toMillis(), id -> {
        if (isIdle()) {
          runOnce();
        }
      });
    }
  }

  private synchronized boolean isIdle() {
    return running == null;
  }

  /** Runs one cycle now; fails with {@link ProvisioningException} if unconfigured or already running. */
  public synchronized Future<ProvisioningReport> runOnce() {
    if (config == null) {
      return Future.failedFuture(new ProvisioningException("provisioning_not_configured",
          "provisioning is not configured: PUT /_devtenant/provisioning with scim-url and token first"));
    }
    if (running != null) {
      return Future.failedFuture(new ProvisioningException("cycle_running",
          "a provisioning cycle is already running; wait for it and read GET /_devtenant/provisioning"));
    }
    ProvisioningConfig cfg = config;
    Tally tally = new Tally(ctx.clock());
    Future<ProvisioningReport> cycle = new ProvisioningCycle(cfg, client, ctx.state(), memory, tally).run()
        .transform(ar -> Future.succeededFuture(tally.report(ctx.clock(), cfg.scimUrl())));
    running = cycle;
    return cycle.onComplete(ar -> {
      synchronized (this) {
        running = null;
        last = ar.result();
      }
    });
  }

  public synchronized Optional<ProvisioningReport> lastReport() {
    return Optional.ofNullable(last);
  }

  public synchronized Optional<ProvisioningConfig> config() {
    return Optional.ofNullable(config);
  }

  public synchronized JsonObject describe() {
    return new JsonObject().put("config", config == null ? null : config.toJson())
        .put("running", running != null).put("lastReport", last == null ? null : last.toJson());
  }

  public synchronized void stop() {
    cancelTimer();
    if (client != null) {
      client.close();
      client = null;
    }
    config = null;
  }

  private void cancelTimer() {
    if (timer >= 0) {
      ctx.vertx().cancelTimer(timer);
      timer = -1;
    }
  }
}
