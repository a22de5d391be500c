package io.sallyport.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.MovableClock;
import io.sallyport.gateway.store.StoredSession;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens to a session after sign-in: revocation (and its WebSockets), idle and absolute
 * timeouts, refresh of the access token before it expires. Time moves on a clock, not by sleeping.
 */
class SessionLifecycleIT {

  @TempDir
  static Path dir;
  static SignInGateway g;
  static MovableClock clock = new MovableClock();

  @BeforeAll
  static void start() throws Exception {
    g = new SignInGateway(dir, "sessions: { idle-timeout: 90m, absolute-timeout: 8h, refresh-before: 5m }\n", null,
        clock);
    BrowserSignInIT.g = g;
    g.upstream.webSockets(ws -> ws.textMessageHandler(m -> ws.writeTextMessage("echo:" + m)));
  }

  @AfterAll
  static void stop() {
    g.close();
  }

  static TestBrowser signedIn(String upn, String password) {
    TestBrowser b = g.browser();
    BrowserSignInIT.g = g;
    assertThat(BrowserSignInIT.signIn(b, "/app/", upn, password).statusCode()).isEqualTo(302);
    assertThat(b.get(b.gateway("/app/")).statusCode()).isEqualTo(200);
    return b;
  }

  WebSocket openSocket(TestBrowser b) {
    return ItSupport.await(g.vertx.createWebSocketClient().connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(g.running.port()).setURI("/app/ws")
        .addHeader("cookie", "sallyport=" + b.jar.get("sallyport"))));
  }

  @Test
  void aRevokedSessionIsRefusedAtItsNextRequestAndItsWebSocketsClose() throws Exception {
    TestBrowser b = signedIn("alice@signin.example", "Alice-pw-1");
    WebSocket ws = openSocket(b);
    Promise<String> echo = Promise.promise();
    ws.textMessageHandler(echo::tryComplete);
    ws.writeTextMessage("hi");
    assertThat(ItSupport.await(echo.future())).isEqualTo("echo:hi");
    Promise<Void> closed = Promise.promise();
    ws.closeHandler(v -> closed.tryComplete());

    // an admin (or another node) revokes it: the store row, then the event every node hears
    String id = b.jar.get("sallyport");
    assertThat(ItSupport.await(g.gateway.store().sessions().revoke(id))).isTrue();
    ItSupport.await(g.gateway.store().events().publish(Sessions.REVOKED, id));
    long t0 = System.nanoTime();
    ItSupport.await(closed.future(), 5, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    HttpResponse<Buffer> r = b.get(b.gateway("/app/"));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.getHeader("location")).startsWith("/.sallyport/login");
  }

  @Test
  void sessionsAreStoredUnderTheUsersUpnWithoutTokensInTheirToString() {
    TestBrowser b = signedIn("bob@signin.example", "Bob-pw-1");
    List<StoredSession> rows = ItSupport.await(g.gateway.store().sessions().listForUser("bob@signin.example", 0, 10))
        .items();
    assertThat(rows).extracting(StoredSession::id).contains(b.jar.get("sallyport"));
    StoredSession row = rows.stream().filter(s -> s.id().equals(b.jar.get("sallyport"))).findFirst().orElseThrow();
    assertThat(row.tenantId()).isEqualTo(SignInGateway.TENANT);
    assertThat(LiveSession.of(row).toString()).doesNotContain(row.data().getString("at"));
    assertThat(row.absoluteExpiresAt()).isAfter(row.idleExpiresAt());
  }

  @Test
  void anIdleSessionEndsAndAnActiveOneIsKeptAlive() {
    TestBrowser idle = signedIn("alice@signin.example", "Alice-pw-1");
    TestBrowser active = signedIn("bob@signin.example", "Bob-pw-1");
    for (int i = 0; i < 10; i++) {
      advance(Duration.ofMinutes(10));
      assertThat(active.get(active.gateway("/app/")).statusCode()).as("active after " + (i + 1) * 10 + "m")
          .isEqualTo(200);
    }
    // 100 minutes without a request: past the 90-minute idle timeout
    HttpResponse<Buffer> r = idle.get(idle.gateway("/app/"));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.getHeader("location")).startsWith("/.sallyport/login");
  }

  @Test
  void anExpiringAccessTokenIsRefreshedAndTheSessionGoesOn() {
    TestBrowser b = signedIn("alice@signin.example", "Alice-pw-1");
    String id = b.jar.get("sallyport");
    String before = ItSupport.await(g.gateway.store().sessions().find(id)).orElseThrow().data().getString("at");
    // both clocks move 56 minutes: the 1-hour token is within refresh-before (5m) of its end
    advance(Duration.ofMinutes(56));
    assertThat(b.get(b.gateway("/app/")).statusCode()).isEqualTo(200);
    String after = awaitNewToken(id, before);
    assertThat(after).isNotEqualTo(before);
    // past the old token's end, the session still works on the new one, with the same id
    advance(Duration.ofMinutes(10));
    assertThat(b.get(b.gateway("/app/")).statusCode()).isEqualTo(200);
    assertThat(b.jar.get("sallyport")).isEqualTo(id);
  }

  @Test
  void aRefreshThatEntraRefusesEndsTheSession() {
    TestBrowser b = signedIn("bob@signin.example", "Bob-pw-1");
    // Entra revokes the user's refresh tokens (a password reset, "revoke sessions")
    g.control("POST", "/_devtenant/users/bob@signin.example/revoke", new JsonObject());
    advance(Duration.ofMinutes(62)); // the access token has expired: the request waits for the refresh
    HttpResponse<Buffer> r = b.get(b.gateway("/app/"));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.getHeader("location")).startsWith("/.sallyport/login");
    assertThat(ItSupport.await(g.gateway.store().sessions().find(b.jar.get("sallyport")))).as("ended, not just refused")
        .isEmpty();
  }

  @Test
  void theAbsoluteTimeoutEndsEvenAnActiveSession() {
    TestBrowser b = signedIn("alice@signin.example", "Alice-pw-1");
    for (int i = 0; i < 17; i++) { // 17 × 29 minutes > 8 hours, never idle for 90
      advance(Duration.ofMinutes(29));
      HttpResponse<Buffer> r = b.get(b.gateway("/app/"));
      if (r.statusCode() == 302) {
        assertThat(i).as("ended only after 8 hours").isGreaterThanOrEqualTo(16);
        return;
      }
      assertThat(r.statusCode()).isEqualTo(200);
    }
    throw new AssertionError("the session outlived its absolute timeout");
  }

  /** Moves the gateway's clock and devtenant's together (tokens are issued by the one, judged by the other). */
  static void advance(Duration d) {
    clock.advance(d);
    g.control("POST", "/_devtenant/clock/advance", new JsonObject().put("seconds", d.toSeconds()));
  }

  static String awaitNewToken(String id, String before) {
    for (int i = 0; i < 100; i++) {
      String now = ItSupport.await(g.gateway.store().sessions().find(id)).orElseThrow().data().getString("at");
      if (!now.equals(before)) {
        return now;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return before;
  }
}
