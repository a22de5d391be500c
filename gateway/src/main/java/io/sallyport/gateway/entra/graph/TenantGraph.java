package io.sallyport.gateway.entra.graph;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Graph client and its per-user facts for the live tenant, kept across reloads that leave the
 * options as they were (a rebuild would drop the app token and every cached membership), rebuilt
 * when they change, gone when the tenant or its client secret is. A replaced client is closed only
 * after a grace, so lookups in flight finish.
 */
public final class TenantGraph implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TenantGraph.class);
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(60);

  /** One tenant's client and facts. */
  public record Current(GraphOptions options, GraphClient client, GroupMemberships groups,
                        PackageAssignments packages, TermsFacts terms, PimFacts pim, OboTokens obo) {

    void close() {
      client.close();
      terms.close();
      obo.close();
    }
  }

  private final Vertx vertx;
  private final Supplier<GraphOptions> options;
  private final GraphMetrics metrics;
  private final Clock clock;
  private volatile Current current;

  /** @param options  the options for the configuration now; null when Graph is not configured */
  public TenantGraph(Vertx vertx, Supplier<GraphOptions> options, MeterRegistry registry, Clock clock) {
    this.vertx = vertx;
    this.options = options;
    this.metrics = new GraphMetrics(registry);
    this.clock = clock;
  }

  /** Null when no tenant with a client secret is configured. */
  public Current current() {
    GraphOptions o = options.get();
    Current c = current;
    if (c != null && c.options() == o) {
      return c;
    }
    return o == null && c == null ? null : rebuild(o);
  }

  private synchronized Current rebuild(GraphOptions o) {
    Current c = current;
    if (c != null && c.options().equals(o)) {
      current = new Current(o, c.client(), c.groups(), c.packages(), c.terms(), c.pim(), c.obo());
      return current;
    }
    if (c != null) {
      vertx.setTimer(CLOSE_GRACE.toMillis(), id -> c.close());
    }
    if (o == null) {
      current = null;
      return null;
    }
    WebGraphClient client = new WebGraphClient(vertx, o, AppTokens.msal(vertx, o, metrics, clock), metrics, clock);
    // one on-behalf-of cache for every delegated call (terms of use reads, PIM activation writes)
    OboTokens obo = new OboTokens(vertx, o, metrics, clock);
    current = new Current(o, client, new GroupMemberships(vertx, client, o, metrics, clock),
        new PackageAssignments(vertx, client, o, metrics, clock),
        new TermsFacts(vertx, client, DelegatedTokens.of(obo, clock), o, metrics, clock),
        new PimFacts(vertx, client, o, metrics, clock), obo);
    LOG.info("Microsoft Graph client for tenant {} at {}", o.tenantId(), o.graphUrl());
    return current;
  }

  /**
   * Loads the TLS client classes, the JVM's trust store and {@link java.net.IDN} (Netty's resolver
   * calls it) on a worker: the first Graph connection otherwise does each on the event loop that
   * opens it (0.4–0.8 s each seen on a loaded machine: a blocked loop).
   */
  public Future<Void> warm() {
    return vertx.executeBlocking(() -> {
      java.net.IDN.toASCII("graph.microsoft.com");
      // Vert.x's JDK TLS defaults read the JVM's trust store in a static initialiser
      javax.net.ssl.SSLContext.getDefault();
      try {
        Class.forName("io.vertx.core.spi.tls.DefaultJDKCipherSuite");
      } catch (ClassNotFoundException e) {
        LOG.debug("no Vert.x JDK cipher suite class to warm: {}", e.toString());
      }
      io.netty.handler.ssl.SslContext ctx = io.netty.handler.ssl.SslContextBuilder.forClient().build();
      io.netty.handler.ssl.SslHandler h = ctx.newHandler(io.netty.buffer.ByteBufAllocator.DEFAULT);
      h.engine().closeOutbound();
      io.netty.util.ReferenceCountUtil.release(ctx);
      return null;
    }, false).<Void>mapEmpty().recover(t -> {
      LOG.debug("TLS warm-up failed: {}", t.toString());
      return Future.succeededFuture();
    });
  }

  /** Readiness: ok when Graph is not configured; else the client's own answer. */
  public Future<Void> ready() {
    Current c = current();
    return c == null ? Future.succeededFuture() : c.client().ready();
  }

  @Override
  public synchronized void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
