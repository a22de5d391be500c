package io.sallyport.gateway.pipeline.authn;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The tenant's keys out of reach: 503 authn.unavailable (fail closed, not "bad token"), upstream untouched. */
class BearerUnavailableIT {

  @Test
  void noKeysMeans503AndTheUpstreamIsNeverReached() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    try (DevTenantFixture dev = new DevTenantFixture(); TestUpstream upstream = TestUpstream.start(dev.vertx)) {
      Gateway gateway = ItSupport.gateway(ItSupport.listenersYaml()
          + "tenant: { id: " + TENANT + ", authority: \"http://localhost:" + closed + "\", client-id: " + SALLYPORT
          + ", audiences: [" + SALLYPORT + "] }\n"
          + "routes:\n  - { name: api, upstream: \"" + upstream.url() + "\" }\n", null);
      try {
        var r = BearerGateway.answer(ItSupport.await(WebClient.create(dev.vertx)
            .get(gateway.publicPort(), "127.0.0.1", "/x")
            .putHeader("Authorization", "Bearer " + dev.userToken(new JsonObject())).send()));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.code()).isEqualTo("authn.unavailable");
        assertThat(upstream.seen()).isEmpty();
      } finally {
        ItSupport.await(gateway.stop());
      }
    }
  }
}
