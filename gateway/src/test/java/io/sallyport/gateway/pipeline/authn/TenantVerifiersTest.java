package io.sallyport.gateway.pipeline.authn;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.config.TenantConfig;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One cache per tenant: kept across reloads that leave the tenant alone, replaced when it changes. */
class TenantVerifiersTest {
  static final String TID = "5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6";
  static final String CLIENT = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    ItSupport.await(vertx.close());
  }

  static TenantConfig tenant(List<String> audiences) {
    return new TenantConfig(TID, URI.create("https://login.microsoftonline.com"), CLIENT, null, null, null, audiences);
  }

  @Test
  void reloadKeepsTheCacheUntilTheTenantChanges() {
    AtomicReference<TenantConfig> live = new AtomicReference<>(tenant(null));
    TenantVerifiers v = new TenantVerifiers(vertx, live::get, Clock.systemUTC());
    TenantVerifiers.Current first = v.current();
    assertThat(v.current()).isSameAs(first);
    live.set(tenant(null)); // a reload that changed something else: an equal, new record
    assertThat(v.current().cache()).isSameAs(first.cache());
    live.set(tenant(List.of("api://other")));
    assertThat(v.current().cache()).isNotSameAs(first.cache());
    live.set(null);
    assertThat(v.current()).isNull();
  }

  @Test
  void defaultAudiencesAreTheClientIdAndItsApiUri() {
    assertThat(tenant(null).audiences()).containsExactly(CLIENT, "api://" + CLIENT);
  }
}
