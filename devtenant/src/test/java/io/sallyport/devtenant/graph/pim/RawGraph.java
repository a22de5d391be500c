package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.sallyport.devtenant.state.AppRegistration;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.Audience;
import io.sallyport.devtenant.token.AuthFacts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Raw Graph calls for fidelity tests: the exact JSON devtenant serves, with tokens minted by its
 * issuer (the SDK tests cover the same endpoints through Microsoft's client).
 */
public final class RawGraph {

  private RawGraph() {}

  public record Reply(int status, JsonObject body) {}

  public static String appToken(RunningDevTenant t, String appName) {
    AppRegistration app = app(t, appName);
    return mint(t, app, null, List.copyOf(app.graphPermissions()), null);
  }

  public static String userToken(RunningDevTenant t, String appName, String upnPrefix, List<String> scopes,
      AuthFacts facts) {
    User user = t.tenant().context().state().userByIdOrUpn(t.user(upnPrefix).upn()).orElseThrow();
    return mint(t, app(t, appName), user, scopes, facts);
  }

  public static Reply get(RunningDevTenant t, String token, String pathAndQuery) {
    return send(t, token, HttpMethod.GET, pathAndQuery, null);
  }

  public static Reply post(RunningDevTenant t, String token, String path, JsonObject body) {
    return send(t, token, HttpMethod.POST, path, body);
  }

  private static Reply send(RunningDevTenant t, String token, HttpMethod method, String path, JsonObject body) {
    var request = t.client().requestAbs(method, t.tenant().graphBaseUrl() + path)
        .putHeader("Authorization", "Bearer " + token);
    HttpResponse<Buffer> r = Await.result(body == null ? request.send() : request.sendJsonObject(body));
    String text = r.bodyAsString();
    return new Reply(r.statusCode(), text == null || text.isEmpty() ? null : new JsonObject(text));
  }

  private static AppRegistration app(RunningDevTenant t, String name) {
    return t.tenant().context().state().apps.where(a -> a.name().equals(name)).get(0);
  }

  private static String mint(RunningDevTenant t, AppRegistration app, User user, List<String> perms, AuthFacts facts) {
    var issuer = t.tenant().context().issuer();
    var claims = issuer.accessClaims(app, user, Audience.graph(), perms, facts, "1", t.now(), Duration.ofHours(1));
    return issuer.sign(claims, true, true);
  }
}
