package io.sallyport.gateway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.harness.Await;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.sallyport.gateway.store.StoredSession;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SCIM through the gateway's public listener: authenticated by the configured tokens, answered by
 * the gateway itself (the upstream behind the catch-all route sees nothing, and that route's access
 * decision, which denies everything without sign-in, never runs), logged and counted as route
 * "scim", deprovisioning wired to the store, tokens swapped by a reload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimGatewayIT {
  static final String TOKEN = "gateway-it-token-0123456789abcdefghijklmn";
  static final String NEXT = "gateway-it-next-token-0123456789abcdefghij";
  static final String SCIM_JSON = "application/scim+json";

  Vertx vertx;
  TestUpstream upstream;
  WebClient client;
  RunningGateway gw;
  Path file;

  String listeners;

  String yaml(String tokens) {
    return listeners + """
        access-log: stdout
        proxy: { reload-interval: 0s }
        routes:
          - name: app
            match: { path-prefix: / }
            upstream: %s
        scim:
          enabled: true
          tokens: [ %s ]
        """.formatted(upstream.url(), tokens);
  }

  @BeforeAll
  void start() throws Exception {
    listeners = RunningGateway.listeners();
    vertx = Vertx.vertx();
    upstream = TestUpstream.start(vertx);
    client = WebClient.create(vertx);
    file = Files.createTempDirectory("sallyport-scim-it-").resolve("sallyport.yaml");
    Files.writeString(file, yaml("\"" + TOKEN + "\""));
    gw = RunningGateway.fromYaml(Files.readString(file), file);
  }

  @AfterAll
  void stop() {
    if (gw != null) {
      gw.close();
    }
    upstream.close();
    Await.of(vertx.close());
  }

  HttpResponse<Buffer> send(HttpMethod method, String path, String token, JsonObject body) {
    HttpRequest<Buffer> req = client.request(method, gw.port(), "127.0.0.1", path);
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    if (body == null) {
      return Await.of(req.send());
    }
    req.putHeader("Content-Type", SCIM_JSON);
    return Await.of(req.sendBuffer(body.toBuffer()));
  }

  static JsonObject entraUser(String userName) {
    return new JsonObject("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"%s","active":true,
         "emails":[{"primary":true,"type":"work","value":"%s"}],"meta":{"resourceType":"User"},
         "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},"roles":[]}
        """.formatted(userName, userName));
  }

  static JsonObject patch(JsonObject... operations) {
    return new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
        .put("Operations", new JsonArray(java.util.List.of((Object[]) operations)));
  }

  @Test
  void withoutAValidTokenEveryRequestIs401WithTheScimErrorBodyAndARequestId() {
    for (String token : new String[] {null, "wrong", TOKEN + "x"}) {
      HttpResponse<Buffer> r = send(HttpMethod.GET, "/scim/v2/Users?filter=userName%20eq%20%22x%22", token, null);
      assertThat(r.statusCode()).as("token %s", token).isEqualTo(401);
      assertThat(r.getHeader("content-type")).startsWith(SCIM_JSON);
      assertThat(r.getHeader("x-request-id")).matches("[0-9a-f]{32}");
      assertThat(r.bodyAsJsonObject().getString("status")).isEqualTo("401");
      assertThat(r.bodyAsString()).doesNotContain(TOKEN);
    }
    assertThat(upstream.seen()).isEmpty();
  }

  @Test
  void createGetQueryPatchDeleteRoundTripNeverReachesTheUpstream() {
    String upn = "Test_User_" + UUID.randomUUID() + "@example.com";
    HttpResponse<Buffer> created = send(HttpMethod.POST, "/scim/v2/Users", TOKEN, entraUser(upn));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("id");
    assertThat(id).isNotBlank();
    assertThat(created.getHeader("x-request-id")).isNotBlank();

    assertThat(send(HttpMethod.GET, "/scim/v2/Users/" + id, TOKEN, null).bodyAsJsonObject().getString("userName"))
        .isEqualTo(upn);
    String filter = "/scim/v2/Users?filter=" + java.net.URLEncoder.encode("userName eq \"" + upn.toUpperCase(
        java.util.Locale.ROOT) + "\"", StandardCharsets.UTF_8) + "&aadOptscim062020";
    JsonObject list = send(HttpMethod.GET, filter, TOKEN, null).bodyAsJsonObject();
    assertThat(list.getInteger("totalResults")).isEqualTo(1);
    assertThat(send(HttpMethod.POST, "/scim/v2/Users", TOKEN, entraUser(upn)).statusCode()).isEqualTo(409);

    HttpResponse<Buffer> patched = send(HttpMethod.PATCH, "/scim/v2/Users/" + id, TOKEN, patch(
        new JsonObject().put("op", "Replace").put("path", "displayName").put("value", "Pvlo")));
    assertThat(patched.statusCode()).as(patched.bodyAsString()).isIn(200, 204);
    assertThat(send(HttpMethod.GET, "/scim/v2/Users/" + id, TOKEN, null).bodyAsJsonObject().getString("displayName"))
        .isEqualTo("Pvlo");
    assertThat(send(HttpMethod.DELETE, "/scim/v2/Users/" + id, TOKEN, null).statusCode()).isEqualTo(204);
    assertThat(send(HttpMethod.GET, "/scim/v2/Users/" + id, TOKEN, null).statusCode()).isEqualTo(404);
    assertThat(upstream.seen()).isEmpty();
  }

  @Test
  void onlyTheBasePathIsScimsAndItIsLoggedAndCountedAsRouteScim() throws Exception {
    send(HttpMethod.GET, "/scim/v2/ServiceProviderConfig", TOKEN, null);
    // a sibling path is the route's: its access decision runs (no sign-in yet, so 401 problem+json)
    HttpResponse<Buffer> sibling = send(HttpMethod.GET, "/scim/v2x/Users", TOKEN, null);
    assertThat(sibling.statusCode()).isEqualTo(401);
    assertThat(sibling.getHeader("content-type")).isEqualTo("application/problem+json");
    assertThat(upstream.seen()).isEmpty();
    // wait for this request's own line: earlier tests' scim lines are already in the log
    await(() -> gw.stdout.toString(StandardCharsets.UTF_8).contains("\"path\":\"/scim/v2/ServiceProviderConfig\""));
    String log = gw.stdout.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("\"route\":\"scim\",\"method\":\"GET\",\"path\":\"/scim/v2/ServiceProviderConfig\"");
    assertThat(log).doesNotContain(TOKEN);
    assertThat(gw.gateway.registry().get("sallyport.requests").tag("route", "scim").tag("status", "2xx")
        .counter().count()).isPositive();
  }

  @Test
  void switchingAUserOffRevokesTheirSessionsAndPublishesTheEvent() throws Exception {
    String upn = "Dep." + UUID.randomUUID() + "@Example.com";
    String id = send(HttpMethod.POST, "/scim/v2/Users", TOKEN, entraUser(upn)).bodyAsJsonObject().getString("id");
    Instant now = Await.of(gw.gateway.store().databaseTime());
    StoredSession s = Await.of(gw.gateway.store().sessions().create(StoredSession.fresh(UUID.randomUUID().toString(),
        upn.toLowerCase(java.util.Locale.ROOT), "t", new JsonObject(), now, now.plus(Duration.ofMinutes(30)),
        now.plus(Duration.ofHours(1)))));
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    var sub = Await.of(gw.gateway.store().events().subscribe(Deprovisioning.TOPIC, events::add));
    HttpResponse<Buffer> off = send(HttpMethod.PATCH, "/scim/v2/Users/" + id, TOKEN, patch(
        new JsonObject().put("op", "Replace").put("path", "active").put("value", "False")));
    assertThat(off.statusCode()).as(off.bodyAsString()).isIn(200, 204);
    assertThat(Await.of(gw.gateway.store().sessions().find(s.id()))).isEmpty();
    assertThat(new JsonObject(events.poll(1, TimeUnit.SECONDS))).isEqualTo(new JsonObject().put("id", id)
        .put("userName", upn));
    Await.of(sub.close());
  }

  @Test
  void aReloadSwapsTheTokensForTheNextRequest() throws Exception {
    Files.writeString(file, yaml("\"" + NEXT + "\""));
    assertThat(Await.of(gw.gateway.reloadNow())).isTrue();
    try {
      assertThat(send(HttpMethod.GET, "/scim/v2/Users?count=1", TOKEN, null).statusCode()).isEqualTo(401);
      assertThat(send(HttpMethod.GET, "/scim/v2/Users?count=1", NEXT, null).statusCode()).isEqualTo(200);
    } finally {
      Files.writeString(file, yaml("\"" + TOKEN + "\""));
      assertThat(Await.of(gw.gateway.reloadNow())).isTrue();
    }
    assertThat(send(HttpMethod.GET, "/scim/v2/Users?count=1", TOKEN, null).statusCode()).isEqualTo(200);
  }

  static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
