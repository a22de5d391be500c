package io.sallyport.gateway.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.harness.TenantGateway;
import io.sallyport.gateway.store.DirectoryGroup;
import io.sallyport.gateway.store.DirectoryUser;
import io.sallyport.gateway.store.Store;
import io.sallyport.gateway.store.StoredSession;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /explain through a running gateway: token, claims and user (session) modes, and every refusal. */
class ExplainIT {

  @TempDir
  static Path dir;
  static TenantGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = new TenantGateway(dir, "{}");
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  static HttpResponse<Buffer> post(JsonObject body) {
    return gw.explain(body.toBuffer());
  }

  static JsonObject ok(JsonObject body) {
    HttpResponse<Buffer> r = post(body);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  static JsonObject check(JsonObject answer, String name) {
    for (Object o : answer.getJsonArray("checks")) {
      if (((JsonObject) o).getString("check").equals(name)) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("no check " + name + " in " + answer.encodePrettily());
  }

  static void problem(HttpResponse<Buffer> r, int status, String code, String detailPart) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("content-type")).startsWith("application/problem+json");
    assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo(code);
    assertThat(r.bodyAsJsonObject().getString("detail")).contains(detailPart);
  }

  @Test
  void aValidTokenThatMeetsTheRouteIsAllowedCheckByCheck() {
    String token = gw.token(new JsonObject().put("amr", List.of("pwd", "mfa")));
    HttpResponse<Buffer> r = post(new JsonObject().put("route", "ops").put("token", token));
    assertThat(r.bodyAsString()).doesNotContain(token);
    JsonObject a = r.bodyAsJsonObject();
    assertThat(a.getJsonObject("decision").getString("verdict")).isEqualTo("allow");
    assertThat(a.getJsonObject("decision").getString("code")).isEqualTo("authz.allowed");
    assertThat(a.getJsonObject("identity").getString("source")).isEqualTo("token");
    assertThat(a.getJsonObject("identity").getBoolean("verified")).isTrue();
    assertThat(a.getJsonObject("route").getJsonObject("require").getBoolean("mfa")).isTrue();
    assertThat(a.getJsonArray("checks").stream().map(o -> ((JsonObject) o).getString("check")).toList())
        .containsExactly("authn", "groups", "mfa");
    assertThat(a.getJsonArray("checks")).allMatch(o -> ((JsonObject) o).getString("verdict").equals("pass"));
    assertThat(a.getJsonArray("next")).isEmpty();
    // directory: alice was never provisioned in this test's store under this name
    assertThat(a.getJsonObject("directory").getBoolean("checked")).isTrue();
  }

  @Test
  void aTokenWithoutMfaIsDeniedForMfaWithWhatToDo() {
    String token = gw.token(new JsonObject());
    // by path and host, matched the way the proxy would (host case-insensitive)
    JsonObject a = ok(new JsonObject().put("path", "/reports//q").put("host", "OPS.example").put("token", token));
    assertThat(a.getJsonObject("route").getString("name")).isEqualTo("ops");
    assertThat(check(a, "groups").getString("verdict")).isEqualTo("pass");
    JsonObject mfa = check(a, "mfa");
    assertThat(mfa.getString("verdict")).isEqualTo("fail");
    assertThat(mfa.getString("code")).isEqualTo("ca.mfa_missing");
    assertThat(mfa.getString("next")).isEqualTo("sign in again with MFA; the gateway will ask for it");
    JsonObject d = a.getJsonObject("decision");
    assertThat(d.getString("verdict")).isEqualTo("deny");
    assertThat(d.getString("code")).isEqualTo("ca.mfa_missing");
    assertThat(d.getInteger("status")).isEqualTo(403);
    assertThat(gw.get("/x", null)).isEqualTo(404); // sanity: the proxy itself has no catch-all
    assertThat(a.getJsonArray("next").getJsonObject(0).getString("code")).isEqualTo("ca.mfa_missing");
  }

  @Test
  void aRefusedTokenFailsAuthenticationAndNothingElseIsEvaluated() {
    String garbage = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
    HttpResponse<Buffer> r = post(new JsonObject().put("route", "ops").put("token", garbage));
    assertThat(r.bodyAsString()).doesNotContain(garbage);
    JsonObject a = r.bodyAsJsonObject();
    JsonObject authn = check(a, "authn");
    assertThat(authn.getString("verdict")).isEqualTo("fail");
    assertThat(authn.getString("code")).startsWith("authn.token_");
    assertThat(check(a, "groups").getString("verdict")).isEqualTo("not_evaluated");
    assertThat(check(a, "mfa").getString("verdict")).isEqualTo("not_evaluated");
    assertThat(a.getJsonObject("decision").getInteger("status")).isEqualTo(401);
    assertThat(a.getJsonObject("decision").getString("code")).isEqualTo(authn.getString("code"));
    // the same code the proxy gives for that token
    var proxied = ItSupport.await(gw.http.request(HttpMethod.GET, gw.gateway.publicPort(), "127.0.0.1", "/x")
        .putHeader("host", "ops.example").putHeader("authorization", "Bearer " + garbage).send());
    assertThat(proxied.bodyAsJsonObject().getString("code")).isEqualTo(authn.getString("code"));

    JsonObject open = ok(new JsonObject().put("route", "open").put("token", garbage));
    assertThat(open.getJsonObject("decision").getString("code")).isEqualTo("route.public");
    assertThat(open.getJsonObject("route").getBoolean("public")).isTrue();
  }

  @Test
  void hypotheticalClaimsAreJudgedAndSaidToBeUnverified() {
    long now = Instant.now().getEpochSecond();
    JsonObject good = new JsonObject().put("upn", "carol@verify.example").put("scp", "access_as_user")
        .put("acrs", List.of("c1")).put("auth_time", now - 60);
    JsonObject a = ok(new JsonObject().put("route", "step").put("claims", good));
    assertThat(a.getJsonObject("identity").getString("source")).isEqualTo("claims");
    assertThat(a.getJsonObject("identity").getBoolean("verified")).isFalse();
    assertThat(a.getJsonObject("identity").getString("note")).contains("nothing was verified");
    assertThat(check(a, "authn").getString("verdict")).isEqualTo("not_evaluated");
    assertThat(a.getJsonObject("decision").getString("verdict")).isEqualTo("allow");

    // a cp1 client without the auth context and an old sign-in: the step-up challenge, every failure listed
    JsonObject stale = good.copy().put("acrs", new JsonArray()).put("auth_time", now - 7200)
        .put("xms_cc", List.of("cp1"));
    JsonObject b = ok(new JsonObject().put("route", "step").put("claims", stale));
    assertThat(b.getJsonObject("decision").getString("verdict")).isEqualTo("challenge");
    assertThat(b.getJsonObject("decision").getString("code")).isEqualTo("ca.auth_context_missing:c1");
    assertThat(b.getJsonObject("decision").getInteger("status")).isEqualTo(401);
    assertThat(check(b, "scopes").getString("verdict")).isEqualTo("pass");
    assertThat(check(b, "max-auth-age").getString("code")).isEqualTo("ca.auth_too_old");
    assertThat(b.getJsonArray("next")).hasSize(2);
  }

  @Test
  void aUsersNewestSessionAndDirectoryFacts() {
    Store store = gw.gateway.store();
    String token = gw.token(new JsonObject().put("amr", List.of("pwd", "mfa")));
    JsonObject claims = DevTenantFixture.part(token, 1);
    String upn = claims.getString("preferred_username", claims.getString("upn"));
    Instant now = Instant.now();
    ItSupport.await(store.sessions().create(StoredSession.fresh("old-" + UUID.randomUUID(), upn.toLowerCase(),
        claims.getString("tid"), new JsonObject().put("claims", new JsonObject().put("amr", List.of("pwd"))),
        now.minusSeconds(600), now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(8)))));
    String sessionId = "s-" + UUID.randomUUID();
    ItSupport.await(store.sessions().create(StoredSession.fresh(sessionId, upn.toLowerCase(), claims.getString("tid"),
        new JsonObject().put("claims", claims), now, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(8)))));
    DirectoryUser user = ItSupport.await(store.directory().createUser(DirectoryUser.draft(UUID.randomUUID().toString(),
        claims.getString("oid"), upn, true, "Alice Admin", null)));
    DirectoryGroup ops = ItSupport.await(store.directory().createGroup(DirectoryGroup.draft(UUID.randomUUID().toString(),
        gw.opsGroup, "Ops", null)));
    ItSupport.await(store.directory().addMembers(ops.id(), List.of(user.id())));

    JsonObject a = ok(new JsonObject().put("route", "ops").put("user", upn.toUpperCase()));
    JsonObject id = a.getJsonObject("identity");
    assertThat(id.getString("source")).isEqualTo("session");
    assertThat(id.getJsonObject("session").getString("id")).isEqualTo(sessionId);
    assertThat(a.getJsonObject("decision").getString("verdict")).isEqualTo("allow");
    JsonObject dir = a.getJsonObject("directory");
    assertThat(dir.getBoolean("found")).isTrue();
    assertThat(dir.getBoolean("active")).isTrue();
    assertThat(dir.getJsonArray("groups").getJsonObject(0).getString("externalId")).isEqualTo(gw.opsGroup);

    // by object id: mapped to the UPN through the directory's externalId
    JsonObject byOid = ok(new JsonObject().put("route", "mfa").put("user", claims.getString("oid")));
    assertThat(byOid.getJsonObject("identity").getJsonObject("session").getString("id")).isEqualTo(sessionId);

    // deactivated in the directory: the facts say so
    ItSupport.await(store.directory().replaceUser(new DirectoryUser(user.id(), user.externalId(), user.userName(),
        false, user.displayName(), user.attributes(), user.version(), user.created(), user.lastModified())));
    JsonObject inactive = ok(new JsonObject().put("route", "ops").put("user", upn));
    assertThat(inactive.getJsonObject("directory").getBoolean("active")).isFalse();
    assertThat(inactive.getJsonObject("directory").getString("note")).contains("deactivated");
  }

  @Test
  void aUserWhoseSessionLacksMfaIsDenied() {
    Instant now = Instant.now();
    String upn = "dave-" + UUID.randomUUID() + "@verify.example";
    JsonObject claims = new JsonObject().put("tid", DevTenantFixture.TENANT).put("oid", UUID.randomUUID().toString())
        .put("upn", upn).put("amr", List.of("pwd"));
    ItSupport.await(gw.gateway.store().sessions().create(StoredSession.fresh("s-" + UUID.randomUUID(), upn,
        DevTenantFixture.TENANT, new JsonObject().put("claims", claims), now, now.plusSeconds(3600),
        now.plusSeconds(7200))));
    JsonObject a = ok(new JsonObject().put("route", "mfa").put("user", upn));
    assertThat(a.getJsonObject("decision").getString("code")).isEqualTo("ca.mfa_missing");
    assertThat(a.getJsonObject("directory").getBoolean("found")).isFalse();
  }

  @Test
  void badRequestsGetPreciseProblems() {
    problem(post(new JsonObject().put("route", "nope").put("user", "a@b")), 404, "explain.route_not_found",
        "no route named \"nope\"");
    problem(post(new JsonObject().put("path", "/nowhere").put("user", "a@b")), 404, "explain.route_not_found",
        "/nowhere");
    problem(post(new JsonObject().put("route", "mfa").put("user", "nobody@verify.example")), 404,
        "explain.user_not_found", "no active session");
    problem(post(new JsonObject().put("route", "mfa").put("user", UUID.randomUUID().toString())), 404,
        "explain.user_not_found", "give the UPN");
    problem(gw.explain(Buffer.buffer("{\"route\": ")), 400, "explain.malformed", "not valid JSON");
    problem(gw.explain(Buffer.buffer("[1]")), 400, "explain.malformed", "JSON object");
    problem(post(new JsonObject().put("route", "mfa").put("path", "/mfa").put("user", "a@b")), 400,
        "explain.malformed", "not both");
    problem(post(new JsonObject().put("route", "mfa")), 400, "explain.malformed", "exactly one of");
    String secret = "eyJ.secret.token";
    HttpResponse<Buffer> two = post(new JsonObject().put("route", "mfa").put("user", "a@b").put("token", secret));
    problem(two, 400, "explain.malformed", "got 2");
    assertThat(two.bodyAsString()).doesNotContain(secret);
    problem(post(new JsonObject().put("route", "mfa").put("claims", "amr=mfa")), 400, "explain.malformed",
        "JSON object");
    problem(post(new JsonObject().put("route", "mfa").put("user", "a@b").put("extra", 1)), 400, "explain.malformed",
        "unknown field \"extra\"");
    problem(post(new JsonObject().put("path", "/a/../mfa").put("user", "a@b")), 400, "explain.malformed", "refuses");
    problem(gw.explain(Buffer.buffer("{\"route\":\"mfa\",\"claims\":{\"x\":\"" + "a".repeat(70_000) + "\"}}")), 413,
        "explain.too_large", "65536");
    HttpResponse<Buffer> get = ItSupport.await(gw.http.request(HttpMethod.GET, gw.gateway.managementPort(),
        "127.0.0.1", "/explain").send());
    problem(get, 405, "explain.method", "POST");
    assertThat(get.getHeader("allow")).isEqualTo("POST");
  }
}
