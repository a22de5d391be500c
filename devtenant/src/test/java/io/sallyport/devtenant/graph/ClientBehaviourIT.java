package io.sallyport.devtenant.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.GraphSdk;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.AuthFacts;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The Graph SDK's own resilience machinery against devtenant's faults and revocations: Kiota's
 * retry handler must honour devtenant's 429 + Retry-After, and its CAE handler must recognise
 * devtenant's claims challenge and come back with a token asked for with those claims.
 */
class ClientBehaviourIT {

  static RunningDevTenant t;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static JsonObject control(String method, String path, JsonObject body) {
    var req = t.client().requestAbs(io.vertx.core.http.HttpMethod.valueOf(method), t.baseUrl() + path);
    var r = Await.result(body == null ? req.send() : req.sendJsonObject(body));
    assertThat(r.statusCode()).as(r.bodyAsString()).isLessThan(300);
    return r.bodyAsJsonObject();
  }

  @Test
  void kiotaRetriesThrottledCallsAfterRetryAfterAndSucceeds() {
    GraphServiceClient graph = GraphSdk.appOnly(t, "Sallyport");
    JsonObject fault = control("POST", "/_devtenant/faults", new JsonObject().put("path", "/v1.0/users")
        .put("method", "GET").put("status", 429).put("retry-after", "1").put("times", 2));
    long started = System.nanoTime();
    assertThat(graph.users().get().getValue()).isNotEmpty();
    assertThat(System.nanoTime() - started).isGreaterThan(1_900_000_000L); // two waits of Retry-After: 1
    JsonObject after = control("GET", "/_devtenant/faults", null).getJsonArray("faults").stream()
        .map(o -> (JsonObject) o).filter(f -> f.getString("id").equals(fault.getString("id"))).findFirst().orElseThrow();
    assertThat(after.getInteger("hits")).isEqualTo(2);
    control("DELETE", "/_devtenant/faults", null);
  }

  @Test
  void aRevokedUsersCaeTokenGetsTheClaimsChallengeAndKiotaAsksForAFreshToken() {
    User bob = t.tenant().context().state().userByIdOrUpn(t.user("bob").upn()).orElseThrow();
    var app = GraphSdk.app(t, "Sallyport");
    List<String> claimsAskedFor = new CopyOnWriteArrayList<>();
    String[] cached = new String[1];
    // Like MSAL: serve the cached token until a request carries claims, then fetch a new one.
    TokenCredential credential = new TokenCredential() {
      @Override
      public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromSupplier(() -> {
          if (cached[0] == null || request.getClaims() != null) {
            if (request.getClaims() != null) {
              claimsAskedFor.add(request.getClaims());
            }
            cached[0] = GraphSdk.mint(t, app, bob, List.of("User.Read"), new AuthFacts(List.of("pwd"), List.of(),
                t.now(), "sid", null, List.of("cp1")));
          }
          return new AccessToken(cached[0], OffsetDateTime.now(ZoneOffset.UTC).plusHours(1));
        });
      }
    };
    GraphServiceClient graph = GraphSdk.withCredential(t, credential);
    assertThat(graph.me().get().getUserPrincipalName()).isEqualTo(bob.upn());

    control("POST", "/_devtenant/users/" + bob.upn() + "/revoke", new JsonObject());
    control("POST", "/_devtenant/clock/advance", new JsonObject().put("seconds", 5));
    assertThat(graph.me().get().getUserPrincipalName()).isEqualTo(bob.upn());

    assertThat(claimsAskedFor).singleElement().satisfies(c -> {
      JsonObject nbf = new JsonObject(c).getJsonObject("access_token").getJsonObject("nbf");
      assertThat(nbf.getBoolean("essential")).isTrue();
      long revokedAt = t.tenant().context().state().users.find(bob.id()).orElseThrow().revokedAt().getEpochSecond();
      assertThat(Long.parseLong(nbf.getString("value"))).isGreaterThan(revokedAt);
    });
  }
}
