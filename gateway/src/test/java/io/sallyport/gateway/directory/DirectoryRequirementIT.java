package io.sallyport.gateway.directory;

import static io.sallyport.gateway.directory.DirectoryGateway.GROUP;
import static io.sallyport.gateway.directory.DirectoryGateway.token;
import static io.sallyport.gateway.directory.DirectoryGateway.until;
import static io.sallyport.gateway.directory.DirectoryGateway.upn;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code require.directory} and the deactivated-user rule through a running gateway with devtenant
 * tokens and SCIM writes on its own endpoint: groups by displayName, unknown users, deactivation and
 * reactivation, deletion and membership removal taking effect on the next request, and explain.
 */
class DirectoryRequirementIT {

  @TempDir
  static Path dir;
  static DevTenantFixture dev;
  static TestUpstream upstream;
  static Gateway gw;
  static WebClient http;
  static String ops;

  @BeforeAll
  static void start() throws Exception {
    dev = new DevTenantFixture();
    upstream = TestUpstream.start(dev.vertx);
    gw = ItSupport.gateway(DirectoryGateway.yaml(dev, dir, upstream.url(), null), null);
    http = WebClient.create(dev.vertx);
    ops = DirectoryGateway.group(http, gw, GROUP);
  }

  @AfterAll
  static void stop() {
    if (gw != null) {
      ItSupport.await(gw.stop());
    }
    upstream.close();
    dev.close();
  }

  DirectoryGateway.Answer get(String path, String token) {
    return DirectoryGateway.get(http, gw, path, token);
  }

  /** Refused with this status and code, and the upstream never saw it. */
  void refused(String path, String token, int status, String code) {
    int before = upstream.seen().size();
    assertThat(get(path, token)).as(path).isEqualTo(new DirectoryGateway.Answer(status, code));
    assertThat(upstream.seen()).hasSize(before);
  }

  void passes(String path, String token) {
    assertThat(get(path, token)).as(path).isEqualTo(new DirectoryGateway.Answer(200, null));
  }

  @Test
  void aMemberOfTheGroupPassesANonMemberAndAnUnknownUserDoNot() {
    String member = upn();
    String id = DirectoryGateway.createUser(http, gw, member);
    DirectoryGateway.addMember(http, gw, ops, id);
    passes("/ops", token(dev, member));
    passes("/dir", token(dev, member));
    passes("/api", token(dev, member));

    String outsider = upn();
    DirectoryGateway.createUser(http, gw, outsider);
    refused("/ops", token(dev, outsider), 403, "directory.group_missing");
    passes("/dir", token(dev, outsider));

    // nobody provisioned: refused where the directory is required, let through elsewhere
    String stranger = upn();
    refused("/ops", token(dev, stranger), 403, "directory.user_unknown");
    refused("/dir", token(dev, stranger), 403, "directory.user_unknown");
    passes("/api", token(dev, stranger));
    passes("/open", token(dev, stranger));
  }

  @Test
  void userNameMatchesTheUpnIgnoringCase() {
    String upn = upn();
    DirectoryGateway.createUser(http, gw, upn.toUpperCase(java.util.Locale.ROOT));
    passes("/dir", token(dev, upn));
  }

  @Test
  void aProvisionedUserCachedAsUnknownIsKnownOnTheNextRequest() throws Exception {
    String upn = upn();
    String token = token(dev, upn);
    refused("/dir", token, 403, "directory.user_unknown");
    DirectoryGateway.createUser(http, gw, upn);
    assertThat(until(http, gw, "/dir", token, 200, null, 1000)).isLessThan(1000);
  }

  @Test
  void deactivationDeniesEveryRouteWithAStillValidTokenAndReactivationRestoresAccess() throws Exception {
    String upn = upn();
    String id = DirectoryGateway.createUser(http, gw, upn);
    DirectoryGateway.addMember(http, gw, ops, id);
    String token = token(dev, upn);
    passes("/api", token);
    passes("/ops", token);

    DirectoryGateway.setActive(http, gw, id, false);
    long ms = until(http, gw, "/api", token, 403, "directory.user_inactive", 1000);
    assertThat(ms).isLessThan(1000);
    refused("/api", token, 403, "directory.user_inactive");
    refused("/ops", token, 403, "directory.user_inactive");
    refused("/dir", token, 403, "directory.user_inactive");
    // a fresh token changes nothing: the directory says no
    refused("/api", token(dev, upn), 403, "directory.user_inactive");
    passes("/open", token);

    DirectoryGateway.setActive(http, gw, id, true);
    assertThat(until(http, gw, "/api", token, 200, null, 1000)).isLessThan(1000);
    passes("/ops", token);
  }

  @Test
  void aDeletedUserIsRefusedWhereTheDirectoryIsRequired() throws Exception {
    String upn = upn();
    String id = DirectoryGateway.createUser(http, gw, upn);
    String token = token(dev, upn);
    passes("/dir", token);
    DirectoryGateway.scim(http, gw, HttpMethod.DELETE, "/Users/" + id, null);
    assertThat(until(http, gw, "/dir", token, 403, "directory.user_unknown", 1000)).isLessThan(1000);
    passes("/api", token);
  }

  @Test
  void removingTheUserFromTheGroupDeniesWithinASecond() throws Exception {
    String upn = upn();
    String id = DirectoryGateway.createUser(http, gw, upn);
    DirectoryGateway.addMember(http, gw, ops, id);
    String token = token(dev, upn);
    passes("/ops", token);
    DirectoryGateway.removeMember(http, gw, ops, id);
    assertThat(until(http, gw, "/ops", token, 403, "directory.group_missing", 1000)).isLessThan(1000);
    passes("/dir", token);
    DirectoryGateway.addMember(http, gw, ops, id);
    assertThat(until(http, gw, "/ops", token, 200, null, 1000)).isLessThan(1000);
  }

  @Test
  void renamingTheGroupDeniesItsMembersOnTheRouteThatNamesIt() throws Exception {
    String renamed = "Renamed " + java.util.UUID.randomUUID();
    String other = DirectoryGateway.group(http, gw, renamed);
    String upn = upn();
    String id = DirectoryGateway.createUser(http, gw, upn);
    DirectoryGateway.addMember(http, gw, other, id);
    String token = token(dev, upn);
    refused("/ops", token, 403, "directory.group_missing");
    // the group takes the name the route requires: its members now pass, ignoring case
    DirectoryGateway.scim(http, gw, HttpMethod.DELETE, "/Groups/" + ops, null);
    DirectoryGateway.scim(http, gw, HttpMethod.PATCH, "/Groups/" + other, DirectoryGateway.patch(new JsonObject()
        .put("op", "Replace").put("path", "displayName").put("value", GROUP.toLowerCase(java.util.Locale.ROOT))));
    try {
      assertThat(until(http, gw, "/ops", token, 200, null, 1000)).isLessThan(1000);
    } finally {
      DirectoryGateway.scim(http, gw, HttpMethod.DELETE, "/Groups/" + other, null);
      ops = DirectoryGateway.group(http, gw, GROUP);
    }
    assertThat(until(http, gw, "/ops", token, 403, "directory.group_missing", 1000)).isLessThan(1000);
  }

  @Test
  void explainShowsTheDirectoryCheckAndItsVerdict() {
    String upn = upn();
    String id = DirectoryGateway.createUser(http, gw, upn);
    String token = token(dev, upn);
    JsonObject allowed = explain(new JsonObject().put("route", "ops").put("token", token));
    JsonObject check = directoryCheck(allowed);
    assertThat(check.getString("verdict")).isEqualTo("fail");
    assertThat(check.getString("code")).isEqualTo("directory.group_missing");
    assertThat(check.getString("requirement")).contains("\"directory ops\"");
    assertThat(allowed.getJsonObject("decision").getString("code")).isEqualTo("directory.group_missing");
    assertThat(allowed.getJsonObject("route").getJsonObject("require").getJsonObject("directory")
        .getJsonArray("groups")).containsExactly("directory ops");

    DirectoryGateway.setActive(http, gw, id, false);
    JsonObject api = explain(new JsonObject().put("route", "api").put("token", token));
    assertThat(directoryCheck(api).getString("code")).isEqualTo("directory.user_inactive");
    assertThat(api.getJsonObject("decision").getString("verdict")).isEqualTo("deny");
    assertThat(api.getJsonObject("decision").getInteger("status")).isEqualTo(403);
    assertThat(get("/api", token).code()).isEqualTo(api.getJsonObject("decision").getString("code"));

    DirectoryGateway.setActive(http, gw, id, true);
    assertThat(directoryCheck(explain(new JsonObject().put("route", "dir").put("token", token)))
        .getString("verdict")).isEqualTo("pass");
  }

  JsonObject explain(JsonObject body) {
    var r = ItSupport.await(http.request(HttpMethod.POST, gw.managementPort(), "127.0.0.1", "/explain")
        .putHeader("content-type", "application/json").sendBuffer(body.toBuffer()));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  static JsonObject directoryCheck(JsonObject explained) {
    return explained.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(c -> "directory".equals(c.getString("check"))).findFirst()
        .orElseThrow(() -> new AssertionError("no directory check in " + explained.encodePrettily()));
  }
}
