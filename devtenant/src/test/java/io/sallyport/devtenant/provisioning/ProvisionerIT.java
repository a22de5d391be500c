package io.sallyport.devtenant.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.sallyport.devtenant.provisioning.ScimFake.Request;
import io.sallyport.devtenant.state.Group;
import io.sallyport.devtenant.state.TenantState;
import io.sallyport.devtenant.state.User;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provisioner against a SCIM fake: Entra's request sequence, casing and bodies (scim-entra.md §1.3, §1.4). */
class ProvisionerIT {

  static final String YAML = """
      tenant: { id: 11111111-2222-3333-4444-555555555555, domain: ctl.example }
      users:
        - { upn: alice, display-name: Alice Admin, given-name: Alice, surname: Admin, job-title: Engineer,
            department: Engineering, password: x }
        - { upn: bob, display-name: Bob Builder, given-name: Bob, surname: Builder, password: x }
        - { upn: carol, display-name: Carol, password: x }
        - { upn: dave, display-name: Dave Departed, password: x, enabled: false }
      groups:
        - { display-name: Engineering, members: [alice, bob] }
        - { display-name: Ops, members: [carol, dave] }
      """;
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  RunningDevTenant t;
  ScimFake scim;
  TenantState state;

  @BeforeEach
  void start() {
    t = RunningDevTenant.start(YAML);
    scim = new ScimFake(t.vertx(), "s3cret");
    state = t.tenant().context().state();
  }

  @AfterEach
  void stop() {
    scim.close();
    t.close();
  }

  private HttpResponse<Buffer> control(HttpMethod method, String path, JsonObject body) {
    var req = t.client().requestAbs(method, t.baseUrl() + "/_devtenant/provisioning" + path);
    return Await.result(body == null ? req.send() : req.sendJsonObject(body));
  }

  private JsonObject configure(String url) {
    HttpResponse<Buffer> r = control(HttpMethod.PUT, "", new JsonObject().put("scim-url", url).put("token", "s3cret"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private JsonObject run() {
    HttpResponse<Buffer> r = control(HttpMethod.POST, "/run", null);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private User user(String local) {
    return state.userByIdOrUpn(local + "@ctl.example").orElseThrow();
  }

  private Group group(String name) {
    return state.groups.all().stream().filter(g -> g.displayName().equals(name)).findFirst().orElseThrow();
  }

  private int index(String method, String uri) {
    for (int i = 0; i < scim.requests.size(); i++) {
      if (scim.requests.get(i).method().equals(method) && scim.requests.get(i).uri().equals(uri)) {
        return i;
      }
    }
    throw new AssertionError("no " + method + " " + uri + " in " + scim.requests);
  }

  @Test
  void firstCycleQueriesThenCreatesUsersThenGroupsThenMemberships() {
    JsonObject config = configure(scim.url()).getJsonObject("config");
    assertThat(config.getString("scim-url")).isEqualTo(scim.url());
    assertThat(config.containsKey("token")).as("the token is never shown").isFalse();
    JsonObject report = run();
    assertThat(report.getInteger("errors")).as(report.encodePrettily()).isZero();
    assertThat(report.getInteger("created")).isEqualTo(4);
    assertThat(report.getInteger("groupsCreated")).isEqualTo(2);
    assertThat(report.getInteger("membersAdded")).isEqualTo(4);
    assertThat(scim.requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer s3cret"));

    int probe = index("GET", "/scim/v2/Users?filter=userName%20eq%20%22alice%40ctl.example%22");
    Request create = scim.requests.stream().filter(r -> r.method().equals("POST") && r.body() != null
        && "alice@ctl.example".equals(r.body().getString("userName"))).findFirst().orElseThrow();
    assertThat(scim.requests.indexOf(create)).isGreaterThan(probe);
    assertThat(create.uri()).isEqualTo("/scim/v2/Users");
    JsonObject expected = new JsonObject("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId":"alice","userName":"alice@ctl.example","active":true,"displayName":"Alice Admin","title":"Engineer",
         "emails":[{"primary":true,"type":"work","value":"alice@ctl.example"}],"meta":{"resourceType":"User"},
         "name":{"formatted":"Alice Admin","familyName":"Admin","givenName":"Alice"},
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Engineering"},"roles":[]}""");
    assertThat(create.body()).isEqualTo(expected);
    assertThat(List.copyOf(create.body().fieldNames())).isEqualTo(List.copyOf(expected.fieldNames()));
    assertThat(scim.user("carol@ctl.example").containsKey("name")).as("null attributes are skipped").isFalse();
    assertThat(scim.user("dave@ctl.example").getBoolean("active")).as("a disabled user arrives inactive").isFalse();

    int lastUser = 0;
    int firstGroup = Integer.MAX_VALUE;
    for (int i = 0; i < scim.requests.size(); i++) {
      if (scim.requests.get(i).uri().startsWith("/scim/v2/Users")) {
        lastUser = i;
      } else {
        firstGroup = Math.min(firstGroup, i);
      }
    }
    assertThat(lastUser).as("users are done before groups start").isLessThan(firstGroup);
    int groupProbe = index("GET", "/scim/v2/Groups?excludedAttributes=members&filter=displayName%20eq%20%22Engineering%22");
    Request groupCreate = scim.requests.stream().filter(r -> r.method().equals("POST") && r.uri().equals("/scim/v2/Groups")
        && "Engineering".equals(r.body().getString("displayName"))).findFirst().orElseThrow();
    assertThat(scim.requests.indexOf(groupCreate)).isGreaterThan(groupProbe);
    assertThat(groupCreate.body()).isEqualTo(new JsonObject().put("schemas", new JsonArray()
            .add("urn:ietf:params:scim:schemas:core:2.0:Group")
            .add("http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"))
        .put("externalId", group("Engineering").id()).put("displayName", "Engineering")
        .put("meta", new JsonObject().put("resourceType", "Group")));
    JsonObject engineering = scim.group("Engineering");
    Request add = scim.requests.stream().filter(r -> r.method().equals("PATCH")
        && r.uri().equals("/scim/v2/Groups/" + engineering.getString("id"))).findFirst().orElseThrow();
    String alice = scim.user("alice@ctl.example").getString("id");
    String bob = scim.user("bob@ctl.example").getString("id");
    assertThat(add.body()).isEqualTo(new JsonObject().put("schemas", new JsonArray().add(PATCH_OP))
        .put("Operations", new JsonArray().add(new JsonObject().put("op", "Add").put("path", "members")
            .put("value", new JsonArray().add(new JsonObject().putNull("$ref").put("value", alice))
                .add(new JsonObject().putNull("$ref").put("value", bob))))));
    assertThat(scim.requests.indexOf(add)).isGreaterThan(scim.requests.indexOf(groupCreate));
    assertThat(engineering.getJsonArray("members")).hasSize(2);

    JsonObject last = control(HttpMethod.GET, "", null).bodyAsJsonObject().getJsonObject("lastReport");
    assertThat(last).isEqualTo(report);
  }

  @Test
  void laterCyclesOnlySendWhatChangedInEntrasDefaultForms() {
    configure(scim.url());
    run();
    int before = scim.requests.size();
    JsonObject second = run();
    assertThat(second.getInteger("created")).isZero();
    assertThat(second.getInteger("groupsCreated")).isZero();
    assertThat(second.getInteger("unchanged")).isEqualTo(4);
    assertThat(scim.since(before)).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));

    User a = user("alice");
    state.users.put(new User(a.id(), a.upn(), "Alice Renamed", a.givenName(), a.surname(), a.mail(), a.jobTitle(),
        a.department(), a.password(), a.mfaRegistered(), true, a.appRoles(), a.createdAt(), null));
    assertThat(Await.result(t.client().postAbs(t.baseUrl() + "/_devtenant/users/bob/disable").send()).statusCode())
        .isEqualTo(200);
    Group eng = group("Engineering");
    state.groups.put(eng.withMembers(List.of(a.id())));
    state.users.remove(user("carol").id());
    String bobScim = scim.user("bob@ctl.example").getString("id");
    String carolScim = scim.user("carol@ctl.example").getString("id");
    String aliceScim = scim.user("alice@ctl.example").getString("id");

    before = scim.requests.size();
    JsonObject third = run();
    assertThat(third.getInteger("errors")).as(third.encodePrettily()).isZero();
    assertThat(third.getInteger("updated")).isEqualTo(1);
    assertThat(third.getInteger("disabled")).isEqualTo(2);
    assertThat(third.getInteger("membersRemoved")).isEqualTo(2);
    List<Request> sent = scim.since(before);
    assertThat(body(sent, "PATCH", "/scim/v2/Users/" + bobScim)).isEqualTo(patch(new JsonObject().put("op", "Replace")
        .put("path", "active").put("value", "False")));
    assertThat(body(sent, "PATCH", "/scim/v2/Users/" + aliceScim)).isEqualTo(patch(new JsonObject().put("op", "Replace")
        .put("path", "displayName").put("value", "Alice Renamed")));
    assertThat(body(sent, "PATCH", "/scim/v2/Users/" + carolScim)).as("deleted in Entra: soft delete")
        .isEqualTo(patch(new JsonObject().put("op", "Replace").put("path", "active").put("value", "False")));
    assertThat(body(sent, "PATCH", "/scim/v2/Groups/" + scim.group("Engineering").getString("id")))
        .isEqualTo(patch(new JsonObject().put("op", "Remove").put("path", "members")
            .put("value", new JsonArray().add(new JsonObject().put("value", bobScim)))));
    assertThat(scim.user("bob@ctl.example").getBoolean("active")).isFalse();
    assertThat(sent).noneMatch(r -> r.method().equals("POST") || r.method().equals("DELETE"));
  }

  @Test
  void theComplianceFlagSwitchesToLowercaseBooleansAndPathlessReplace() {
    configure(scim.url() + "?aadOptscim062020");
    JsonObject first = run();
    assertThat(first.getInteger("errors")).as(first.encodePrettily()).isZero();
    assertThat(scim.requests.get(0).uri()).startsWith("/scim/v2/Users?aadOptscim062020&filter=userName%20eq%20");
    User b = user("bob");
    state.users.put(new User(b.id(), b.upn(), "Robert Builder", "Robert", b.surname(), b.mail(), b.jobTitle(),
        b.department(), b.password(), b.mfaRegistered(), false, b.appRoles(), b.createdAt(), null));
    state.groups.put(group("Ops").withMembers(List.of(user("dave").id())));
    int before = scim.requests.size();
    run();
    List<Request> sent = scim.since(before);
    String bobScim = scim.user("bob@ctl.example").getString("id");
    assertThat(body(sent, "PATCH", "/scim/v2/Users/" + bobScim + "?aadOptscim062020")).isEqualTo(
        new JsonObject().put("schemas", new JsonArray().add(PATCH_OP)).put("Operations", new JsonArray()
            .add(new JsonObject().put("op", "replace").put("path", "active").put("value", false))
            .add(new JsonObject().put("op", "replace").put("value", new JsonObject().put("displayName", "Robert Builder")
                .put("name.givenName", "Robert")))));
    String carolScim = scim.user("carol@ctl.example").getString("id");
    assertThat(body(sent, "PATCH", "/scim/v2/Groups/" + scim.group("Ops").getString("id") + "?aadOptscim062020"))
        .isEqualTo(patch(new JsonObject().put("op", "remove").put("path", "members[value eq \"" + carolScim + "\"]")));
    assertThat(scim.user("bob@ctl.example").getString("displayName")).isEqualTo("Robert Builder");
  }

  @Test
  void throttlingIsRetriedAfterRetryAfter() {
    configure(scim.url());
    scim.throttleNext.set(2);
    long start = System.nanoTime();
    JsonObject report = run();
    assertThat(report.getInteger("errors")).as(report.encodePrettily()).isZero();
    assertThat(report.getInteger("retries")).isEqualTo(2);
    assertThat(report.getInteger("created")).isEqualTo(4);
    assertThat((System.nanoTime() - start) / 1_000_000).as("waited Retry-After: 1").isGreaterThanOrEqualTo(1_000);
  }

  @Test
  void failuresAreCountedWithTheirMessages() {
    configure(scim.url());
    HttpResponse<Buffer> r = control(HttpMethod.PUT, "", new JsonObject().put("scim-url", scim.url()).put("token", "wrong"));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject report = run();
    assertThat(report.getInteger("errors")).isEqualTo(6);
    assertThat(report.getJsonArray("errorMessages").getString(0)).contains("HTTP 401", "bad token");
  }

  @Test
  void controlRefusesBadConfigurationAndRunsOnlyWhenConfigured() {
    HttpResponse<Buffer> r = control(HttpMethod.POST, "/run", null);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("provisioning_not_configured");
    assertError(new JsonObject().put("scim-url", "ftp://x/scim").put("token", "t"), "\"scim-url\" must be an absolute http");
    assertError(new JsonObject().put("scim-url", scim.url()), "\"token\" is required");
    assertError(new JsonObject().put("scim-url", scim.url()).put("token", "t").put("interval", "PT0.5S"), "\"interval\"");
    assertError(new JsonObject().put("scim-url", scim.url()).put("token", "t").put("concurrency", 0), "\"concurrency\"");
    assertError(new JsonObject().put("scim-url", scim.url()).put("token", "t").put("ca-file", "/nonexistent/ca.pem"),
        "\"ca-file\" could not be read: \"/nonexistent/ca.pem\"");
    assertError(new JsonObject().put("scim_url", scim.url()), "unknown field \"scim_url\"");
  }

  private void assertError(JsonObject body, String message) {
    HttpResponse<Buffer> r = control(HttpMethod.PUT, "", body);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("message")).contains(message);
  }

  private static JsonObject patch(JsonObject op) {
    return new JsonObject().put("schemas", new JsonArray().add(PATCH_OP)).put("Operations", new JsonArray().add(op));
  }

  private static JsonObject body(List<Request> sent, String method, String uri) {
    return sent.stream().filter(r -> r.method().equals(method) && r.uri().equals(uri)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + method + " " + uri + " in " + sent)).body();
  }
}
