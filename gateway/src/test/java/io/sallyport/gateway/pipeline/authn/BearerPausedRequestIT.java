package io.sallyport.gateway.pipeline.authn;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.ItSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh gateway has no signing keys yet, so its first decision waits for the key fetch: the
 * request is paused meanwhile. Its body must arrive whole on allow, and on deny the connection
 * must stay usable for the next keep-alive request.
 */
class BearerPausedRequestIT {

  @TempDir
  Path dir;
  BearerGateway gw;
  HttpClient client;

  @BeforeEach
  void start() throws Exception {
    gw = new BearerGateway(dir);
    client = gw.dev.vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(1));
  }

  @AfterEach
  void stop() {
    ItSupport.await(client.close());
    gw.close();
  }

  /** A POST with the body, or a GET when it is null. */
  HttpClientResponse send(String token, Buffer body, AtomicReference<Buffer> received) {
    RequestOptions o = new RequestOptions().setMethod(body == null ? HttpMethod.GET : HttpMethod.POST).setHost("127.0.0.1")
        .setPort(gw.gateway.publicPort()).setURI("/api/upload").putHeader("Authorization", "Bearer " + token);
    return ItSupport.await(client.request(o).compose(r -> body == null ? r.send() : r.send(body)).compose(resp ->
        resp.body().map(b -> {
          received.set(b);
          return resp;
        })));
  }

  @Test
  void aBodySentWhileTheKeysAreFetchedReachesTheUpstreamWhole() {
    gw.upstream.behave(req -> req.body().onSuccess(b -> req.response().end("got " + b.length())));
    Buffer body = Buffer.buffer("x".repeat(256 * 1024));
    AtomicReference<Buffer> got = new AtomicReference<>();
    HttpClientResponse r = send(gw.dev.userToken(new JsonObject()), body, got);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(got.get().toString()).isEqualTo("got " + body.length());
  }

  /**
   * Without a body: a refused request with an unread body ends its connection by design (see
   * Linger), but one without must not leave the connection paused for the next request.
   */
  @Test
  void aRefusalAfterWaitingLeavesTheConnectionUsable() {
    String good = gw.dev.userToken(new JsonObject());
    String forged = good.substring(0, good.length() - 4) + "AAAA";
    AtomicReference<Buffer> got = new AtomicReference<>();
    HttpClientResponse refused = send(forged, null, got);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(got.get()).getString("code")).isEqualTo("authn.token_signature");
    HttpClientResponse next = send(good, null, got);
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(gw.upstreamHits()).isEqualTo(1);
    assertThat(gw.upstream.last().method()).isEqualTo("GET");
  }
}
