package io.sallyport.devtenant.provisioning;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The provisioning service's HTTP side: every request carries {@code Authorization: Bearer} and
 * SCIM's media type; 429 and 5xx (and broken connections) are retried, waiting what Retry-After
 * says (seconds or an HTTP date, capped) or backing off exponentially, at most {@link #MAX_ATTEMPTS}
 * times in all.
 */
final class ScimClient {

  static final int MAX_ATTEMPTS = 5;
  static final Duration MAX_WAIT = Duration.ofSeconds(30);
  static final String SCIM_JSON = "application/scim+json";

  private final Vertx vertx;
  private final WebClient client;
  private final String token;

  private ScimClient(Vertx vertx, WebClient client, String token) {
    this.vertx = vertx;
    this.client = client;
    this.token = token;
  }

  /** {@code caPem}: the PEM CA to trust for https instead of the JDK's defaults, or null. */
  static ScimClient create(Vertx vertx, ProvisioningConfig config, Buffer caPem) {
    WebClientOptions options = new WebClientOptions().setKeepAlive(true).setConnectTimeout(10_000)
        .setIdleTimeout(60).setFollowRedirects(false).setUserAgentEnabled(false);
    if (caPem != null) {
      options.setTrustOptions(new PemTrustOptions().addCertValue(caPem));
    }
    WebClient client = WebClient.create(vertx, options,
        new PoolOptions().setHttp1MaxSize(config.concurrency()).setHttp2MaxSize(1));
    return new ScimClient(vertx, client, config.token());
  }

  Future<HttpResponse<Buffer>> send(HttpMethod method, String url, JsonObject body, Tally tally) {
    return attempt(method, url, body, tally, 1);
  }

  private Future<HttpResponse<Buffer>> attempt(HttpMethod method, String url, JsonObject body, Tally tally, int n) {
    tally.requests.incrementAndGet();
    HttpRequest<Buffer> req = client.requestAbs(method, url).putHeader("Authorization", "Bearer " + token)
        .putHeader("Accept", SCIM_JSON);
    Future<HttpResponse<Buffer>> sent;
    if (body == null) {
      sent = req.send();
    } else {
      sent = req.putHeader("Content-Type", SCIM_JSON + "; charset=utf-8").sendBuffer(body.toBuffer());
    }
    return sent.transform(ar -> {
      boolean retryable = ar.failed() || ar.result().statusCode() == 429 || ar.result().statusCode() >= 500;
      if (!retryable || n >= MAX_ATTEMPTS) {
        return ar.failed() ? Future.failedFuture(ar.cause()) : Future.succeededFuture(ar.result());
      }
      tally.retries.incrementAndGet();
      long wait = ar.failed() ? backoff(n) : waitFor(ar.result().getHeader("Retry-After"), n);
      return vertx.timer(Math.max(1, wait)).compose(x -> attempt(method, url, body, tally, n + 1));
    });
  }

  /** Milliseconds to wait for a Retry-After value (delta-seconds, possibly fractional, or an HTTP date). */
  static long waitFor(String retryAfter, int attempt) {
    if (retryAfter == null || retryAfter.isBlank()) {
      return backoff(attempt);
    }
    long ms;
    try {
      ms = (long) (Double.parseDouble(retryAfter.trim()) * 1000);
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        ms = at.toInstant().toEpochMilli() - System.currentTimeMillis();
      } catch (DateTimeParseException e2) {
        return backoff(attempt);
      }
    }
    return Math.max(0, Math.min(ms, MAX_WAIT.toMillis()));
  }

  static long backoff(int attempt) {
    return Math.min(250L << Math.min(attempt - 1, 10), 8_000L);
  }

  void close() {
    client.close();
  }
}
