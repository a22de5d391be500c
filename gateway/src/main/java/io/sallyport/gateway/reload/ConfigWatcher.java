package io.sallyport.gateway.reload;

import io.sallyport.gateway.config.ConfigException;
import io.sallyport.gateway.config.ConfigLoader;
import io.sallyport.gateway.config.SallyportConfig;
import io.sallyport.gateway.pipeline.Snapshot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up edits to the config file while running. The file is re-read on a worker thread every
 * reload interval; when its content changed and the new file validates, the snapshot is swapped
 * whole. An invalid edit is logged with every error and the running configuration stays.
 * Listener and store settings cannot change under a running process: such edits are reported as
 * needing a restart and otherwise ignored.
 */
public final class ConfigWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

  private final Vertx vertx;
  private final Path file;
  private final Map<String, String> env;
  private final AtomicReference<Snapshot> live;
  private final Consumer<Snapshot> onSwap;
  private byte[] lastDigest;
  private long timerId = -1;
  private volatile boolean reloading;

  public ConfigWatcher(Vertx vertx, Path file, Map<String, String> env, AtomicReference<Snapshot> live,
                       Consumer<Snapshot> onSwap) {
    this.vertx = vertx;
    this.file = file;
    this.env = env;
    this.live = live;
    this.onSwap = onSwap;
    this.lastDigest = digest(file);
  }

  public void start(long intervalMillis) {
    if (intervalMillis > 0) {
      timerId = vertx.setPeriodic(intervalMillis, id -> check());
    }
  }

  public void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  /** Checks the file now; completes with true when a new configuration was swapped in. */
  public Future<Boolean> check() {
    if (reloading) {
      return Future.succeededFuture(false);
    }
    reloading = true;
    return vertx.<Boolean>executeBlocking(this::reloadIfChanged, false)
        .onFailure(t -> LOG.error("config reload of {} failed: {}", file, t.toString()))
        .eventually(() -> {
          reloading = false;
          return Future.succeededFuture();
        });
  }

  private boolean reloadIfChanged() {
    byte[] d = digest(file);
    if (d == null || Arrays.equals(d, lastDigest)) {
      return false;
    }
    lastDigest = d;
    SallyportConfig next;
    try {
      next = ConfigLoader.load(file, env);
    } catch (ConfigException e) {
      LOG.error("config {} changed but is invalid; keeping the running configuration. {} error(s):\n{}",
          file, e.errors().size(), e.getMessage());
      return false;
    }
    Snapshot current = live.get();
    if (!Objects.equals(next.listeners(), current.config().listeners())
        || !Objects.equals(next.store(), current.config().store())) {
      LOG.warn("config {}: listeners or store changed; those take effect only after a restart", file);
    }
    Snapshot swapped = Snapshot.of(next, current.generation() + 1);
    live.set(swapped);
    LOG.info("config {} reloaded: generation {}, {} route(s)", file, swapped.generation(), next.routes().size());
    onSwap.accept(swapped);
    return true;
  }

  private static byte[] digest(Path file) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    } catch (IOException e) {
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
