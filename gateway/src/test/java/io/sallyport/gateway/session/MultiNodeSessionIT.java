package io.sallyport.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.store.PostgresTestSchema;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways on one PostgreSQL: a session opened on one node works on the other, and its end —
 * by sign-out on one node, or by SCIM deprovisioning — reaches the other within a second, WebSockets
 * included. Skipped (never passed) without PostgreSQL.
 */
class MultiNodeSessionIT {

  static final String SCIM_TOKEN = "multi-node-session-scim-token-0123456789";

  @TempDir
  static Path dir;
  static SignInGateway g;
  static PostgresTestSchema schema;

  @BeforeAll
  static void start() throws Exception {
    schema = PostgresTestSchema.createOrSkip();
    g = new SignInGateway(dir, "scim: { enabled: true, tokens: [ \"" + SCIM_TOKEN + "\" ] }\n", schema.storeYaml(),
        Clock.systemUTC(), true);
    g.upstream.webSockets(ws -> ws.textMessageHandler(m -> ws.writeTextMessage("echo:" + m)));
    BrowserSignInIT.g = g;
  }

  @AfterAll
  static void stop() throws Exception {
    if (g != null) {
      g.close();
    }
    if (schema != null) {
      schema.drop();
    }
  }

  /** The same browser pointed at the other node: same cookies. */
  static TestBrowser onNode(TestBrowser b, RunningGateway node) {
    TestBrowser other = new TestBrowser(g.vertx, g.dev.certificatePem(), node.port());
    other.jar.putAll(b.jar);
    return other;
  }

  WebSocket socket(TestBrowser b, RunningGateway node, Promise<Void> closed) {
    WebSocket ws = ItSupport.await(g.vertx.createWebSocketClient().connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(node.port()).setURI("/app/live")
        .addHeader("cookie", "sallyport=" + b.jar.get("sallyport"))));
    ws.closeHandler(v -> closed.tryComplete());
    Promise<String> echo = Promise.promise();
    ws.textMessageHandler(echo::tryComplete);
    ws.writeTextMessage("ping");
    assertThat(ItSupport.await(echo.future())).isEqualTo("echo:ping");
    return ws;
  }

  @Test
  void aSessionFromOneNodeWorksOnTheOtherAndItsSignOutEndsItThereWithinASecond() {
    BrowserSignInIT.g = g;
    TestBrowser a = g.browser();
    BrowserSignInIT.signIn(a, "/app/", "alice@signin.example", "Alice-pw-1");
    TestBrowser b = onNode(a, g.second);
    assertThat(b.get(b.gateway("/app/x")).statusCode()).as("the session is in the shared store").isEqualTo(200);
    Promise<Void> closed = Promise.promise();
    socket(b, g.second, closed);

    String page = a.get(a.gateway("/.sallyport/logout")).bodyAsString();
    String csrf = page.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
    long t0 = System.nanoTime();
    HttpResponse<Buffer> out = a.post(a.gateway("/.sallyport/logout"), MultiMap.caseInsensitiveMultiMap()
        .add("csrf", csrf), Map.of());
    assertThat(out.statusCode()).isEqualTo(302);
    ItSupport.await(closed.future(), 5, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("the other node closed the WebSocket")
        .isLessThan(Duration.ofSeconds(1));
    assertThat(b.get(b.gateway("/app/x")).statusCode()).isEqualTo(302);
  }

  @Test
  void deprovisioningThroughScimOnOneNodeEndsTheUsersSessionsOnBothWithinASecond() {
    BrowserSignInIT.g = g;
    TestBrowser a = g.browser();
    BrowserSignInIT.signIn(a, "/app/", "bob@signin.example", "Bob-pw-1");
    TestBrowser b = onNode(a, g.second);
    assertThat(b.get(b.gateway("/app/")).statusCode()).isEqualTo(200);
    Promise<Void> closed = Promise.promise();
    socket(b, g.second, closed);

    HttpResponse<Buffer> created = ItSupport.await(g.idp.post(g.running.port(), "127.0.0.1", "/scim/v2/Users")
        .ssl(false).bearerTokenAuthentication(SCIM_TOKEN).putHeader("content-type", "application/scim+json")
        .sendJsonObject(new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
            .put("userName", "bob@signin.example").put("active", true)));
    assertThat(created.statusCode()).as(created.bodyAsString()).isIn(201, 409);
    String id = created.statusCode() == 201 ? created.bodyAsJsonObject().getString("id") : null;
    assertThat(id).isNotNull();
    long t0 = System.nanoTime();
    HttpResponse<Buffer> off = ItSupport.await(g.idp.patch(g.running.port(), "127.0.0.1", "/scim/v2/Users/" + id)
        .ssl(false).bearerTokenAuthentication(SCIM_TOKEN).putHeader("content-type", "application/scim+json")
        .sendJsonObject(new JsonObject().put("schemas", new JsonArray()
            .add("urn:ietf:params:scim:api:messages:2.0:PatchOp")).put("Operations", new JsonArray().add(
                new JsonObject().put("op", "Replace").put("path", "active").put("value", "False")))));
    assertThat(off.statusCode()).as(off.bodyAsString()).isIn(200, 204);
    ItSupport.await(closed.future(), 5, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    assertThat(b.get(b.gateway("/app/")).statusCode()).isEqualTo(302);
    assertThat(a.get(a.gateway("/app/")).statusCode()).isEqualTo(302);
  }
}
