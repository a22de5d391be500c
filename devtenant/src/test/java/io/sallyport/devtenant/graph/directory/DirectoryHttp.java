package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.sallyport.devtenant.state.AppRegistration;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.Audience;
import io.sallyport.devtenant.token.AuthFacts;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Raw Graph calls with tokens minted by devtenant's issuer, for byte-level checks the SDK hides. */
public final class DirectoryHttp {

  private final RunningDevTenant t;

  public DirectoryHttp(RunningDevTenant t) {
    this.t = t;
  }

  /** An app-only token for the scenario app {@code appName} with exactly {@code roles}. */
  public String appToken(String appName, List<String> roles) {
    AppRegistration app = t.tenant().context().state().apps.where(a -> a.name().equals(appName)).get(0);
    var issuer = t.tenant().context().issuer();
    return issuer.sign(issuer.accessClaims(app, null, Audience.graph(), roles, null, "1", t.now(),
        Duration.ofHours(1)), true, true);
  }

  public String userToken(String appName, String upnPrefix, List<String> scopes) {
    AppRegistration app = t.tenant().context().state().apps.where(a -> a.name().equals(appName)).get(0);
    User user = t.tenant().context().state().userByIdOrUpn(t.user(upnPrefix).upn()).orElseThrow();
    var issuer = t.tenant().context().issuer();
    AuthFacts facts = new AuthFacts(List.of("pwd"), List.of(), t.now(), "sid-test", null, List.of());
    return issuer.sign(issuer.accessClaims(app, user, Audience.graph(), scopes, facts, "1", t.now(),
        Duration.ofHours(1)), true, true);
  }

  public HttpResponse<Buffer> send(HttpMethod method, String pathAndQuery, String token, MultiMap headers,
      JsonObject body) {
    var req = t.client().requestAbs(method, t.baseUrl() + "/v1.0" + pathAndQuery)
        .putHeader("Authorization", "Bearer " + token);
    if (headers != null) {
      req.putHeaders(headers);
    }
    return Await.result(body == null ? req.send() : req.sendJsonObject(body));
  }

  public HttpResponse<Buffer> get(String pathAndQuery, String token) {
    return send(HttpMethod.GET, pathAndQuery, token, null, null);
  }
}
