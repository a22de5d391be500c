package io.sallyport.gateway.harness;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.APP_ID_URI;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.store.AuditEvent;
import io.sallyport.gateway.store.AuditPage;
import io.sallyport.gateway.store.AuditQuery;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway trusting a devtenant, with a few require routes and a short decision audit window,
 * for the audit, explain and CLI tests: real tokens, a real store, the management listener.
 */
public final class TenantGateway implements AutoCloseable {

  public final DevTenantFixture dev;
  public final TestUpstream upstream;
  public final Gateway gateway;
  public final WebClient http;
  public final String opsGroup;

  /** @param audit the {@code audit:} block's value, e.g. {@code { decisions: { denied-window: 1s } }} */
  public TenantGateway(Path dir, String audit) throws Exception {
    dev = new DevTenantFixture();
    upstream = TestUpstream.start(dev.vertx);
    opsGroup = DevTenantFixture.part(dev.userToken(new JsonObject()), 1).getJsonArray("groups").getString(0);
    Path ca = dir.resolve("devtenant.pem");
    Files.writeString(ca, dev.tenant.certificatePem());
    String up = "upstream: \"" + upstream.url() + "\"";
    gateway = ItSupport.gateway(RunningGateway.listeners() + "access-log: off\n"
        + "audit: " + audit + "\n"
        + "tenant: { id: " + TENANT + ", authority: \"" + dev.tenant.baseUrl() + "\", client-id: " + SALLYPORT
        + ", ca-file: \"" + ca + "\", audiences: [" + SALLYPORT + ", \"" + APP_ID_URI + "\"] }\n"
        + "routes:\n"
        + "  - { name: open, match: { path-prefix: /open }, " + up + ", public: true }\n"
        + "  - { name: api, match: { path-prefix: /api }, " + up + " }\n"
        + "  - { name: ops, match: { host: ops.example, path-prefix: / }, " + up + ", require: { groups: ["
        + opsGroup + "], mfa: true } }\n"
        + "  - { name: mfa, match: { path-prefix: /mfa }, " + up + ", require: { mfa: true } }\n"
        + "  - { name: step, match: { path-prefix: /step }, " + up + ", require: { scopes: [access_as_user],"
        + " auth-context: c1, max-auth-age: 1h } }\n", null);
    http = WebClient.create(dev.vertx);
  }

  /** A delegated token for alice (the devtenant's defaults: pwd sign-in, member of Ops) with overrides. */
  public String token(JsonObject claims) {
    return dev.userToken(claims);
  }

  public int get(String uri, String token) {
    HttpRequest<Buffer> req = http.request(HttpMethod.GET, gateway.publicPort(), "127.0.0.1", uri);
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    return ItSupport.await(req.send()).statusCode();
  }

  /** POST /explain on the management listener. */
  public HttpResponse<Buffer> explain(Buffer body) {
    return ItSupport.await(http.request(HttpMethod.POST, gateway.managementPort(), "127.0.0.1", "/explain")
        .putHeader("content-type", "application/json").sendBuffer(body));
  }

  public String management() {
    return "http://127.0.0.1:" + gateway.managementPort();
  }

  /** Every audit event of a type, newest first, after the decision trail flushed what it holds. */
  public List<AuditEvent> audit(String type) {
    // twice: the first may be a flush already under way that missed the newest events
    ItSupport.await(gateway.decisions().flush());
    ItSupport.await(gateway.decisions().flush());
    List<AuditEvent> out = new ArrayList<>();
    AuditQuery q = AuditQuery.newest(1000).type(type);
    AuditPage page = ItSupport.await(gateway.store().audit().page(q));
    out.addAll(page.events());
    while (page.next().isPresent()) {
      page = ItSupport.await(gateway.store().audit().page(q.after(page.nextCursor())));
      out.addAll(page.events());
    }
    return out;
  }

  /** Polls {@link #audit} until {@code done} holds for its events (windows close on a timer), at most 15 s. */
  public List<AuditEvent> auditUntil(String type, java.util.function.Predicate<List<AuditEvent>> done)
      throws InterruptedException {
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
    List<AuditEvent> events = audit(type);
    while (!done.test(events) && System.nanoTime() < until) {
      Thread.sleep(200);
      events = audit(type);
    }
    return events;
  }

  @Override
  public void close() {
    if (gateway != null) {
      ItSupport.await(gateway.stop());
    }
    upstream.close();
    dev.close();
  }
}
