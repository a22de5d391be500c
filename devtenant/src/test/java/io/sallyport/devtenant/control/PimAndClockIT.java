package io.sallyport.devtenant.control;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.harness.RunningDevTenant;
import io.sallyport.devtenant.state.TenantState;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PimAndClockIT {

  static final String BILLING = "b0f54661-2d74-4c50-afa3-1ec803f12efe";

  static RunningDevTenant t;
  static Control c;
  static TenantState state;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
    c = new Control(t);
    state = t.tenant().context().state();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static String id(String upn) {
    return t.user(upn).id();
  }

  @Test
  void roleActivationExpiresWhenTheClockPassesItsEnd() {
    JsonObject a = c.ok(POST, "/_devtenant/pim/roles/activate", new JsonObject().put("user", "alice")
        .put("role", "Billing Administrator").put("duration", "PT1H"));
    assertThat(a.getString("roleDefinitionId")).isEqualTo(BILLING);
    assertThat(a.getString("assignmentType")).isEqualTo("Activated");
    assertThat(Duration.between(Instant.parse(a.getString("startDateTime")), Instant.parse(a.getString("endDateTime"))))
        .isEqualTo(Duration.ofHours(1));
    assertThat(state.activeRoles(id("alice"))).contains(BILLING);
    assertThat(c.error(POST, "/_devtenant/pim/roles/activate", new JsonObject().put("user", "alice")
        .put("role", BILLING), 409, "already_active")).contains("Billing Administrator", "until");

    JsonObject before = c.ok(GET, "/_devtenant/clock", null);
    JsonObject after = c.ok(POST, "/_devtenant/clock/advance", new JsonObject().put("duration", "PT61M"));
    assertThat(after.getLong("offsetSeconds") - before.getLong("offsetSeconds")).isEqualTo(61 * 60);
    assertThat(Instant.parse(after.getString("now"))).isAfter(Instant.parse(a.getString("endDateTime")));
    assertThat(state.activeRoles(id("alice"))).doesNotContain(BILLING);
  }

  @Test
  void endingAnActivationTakesTheRoleAwayNow() {
    c.ok(POST, "/_devtenant/pim/roles/activate", new JsonObject().put("user", "bob").put("role", "Security Reader"));
    assertThat(state.activeRoles(id("bob"))).contains("5d6b6bb7-de71-4623-b4af-96380a352509");
    JsonObject ended = c.ok(POST, "/_devtenant/pim/roles/end", new JsonObject().put("user", "bob")
        .put("role", "Security Reader"));
    assertThat(ended.getJsonArray("ended")).hasSize(1);
    assertThat(state.activeRoles(id("bob"))).doesNotContain("5d6b6bb7-de71-4623-b4af-96380a352509");
    assertThat(c.error(POST, "/_devtenant/pim/roles/end", new JsonObject().put("user", "bob")
        .put("role", "Security Reader"), 409, "not_active")).contains("Security Reader");
  }

  @Test
  void groupActivationMakesTheUserAMemberUntilEnded() {
    String group = state.groups.all().stream().filter(g -> g.displayName().equals("Production Access")).findFirst()
        .orElseThrow().id();
    assertThat(c.error(POST, "/_devtenant/pim/groups/activate", new JsonObject().put("user", "alice")
        .put("group", "Production Access").put("duration", "PT3H"), 400, "invalid_value"))
        .isEqualTo("\"duration\" PT3H exceeds the maximum activation of member of group \"Production Access\", PT2H");
    JsonObject a = c.ok(POST, "/_devtenant/pim/groups/activate", new JsonObject().put("user", "alice")
        .put("group", "Production Access").put("access", "member"));
    assertThat(a.getString("instanceId")).startsWith(group + "_member_");
    assertThat(state.directGroups(id("alice"))).contains(group);
    c.ok(POST, "/_devtenant/pim/groups/end", new JsonObject().put("user", "alice").put("group", group));
    assertThat(state.directGroups(id("alice"))).doesNotContain(group);
  }

  @Test
  void pimRefusalsNameWhatIsWrong() {
    assertThat(c.error(POST, "/_devtenant/pim/roles/activate", new JsonObject().put("user", "carol")
        .put("role", "Global Administrator"), 409, "not_eligible")).contains("carol@", "Global Administrator");
    assertThat(c.error(POST, "/_devtenant/pim/roles/activate", new JsonObject().put("user", "alice")
        .put("role", "Nope Admin"), 404, "role_not_found")).contains("\"Nope Admin\"");
    assertThat(c.error(POST, "/_devtenant/pim/roles/activate", new JsonObject().put("user", "alice"), 400,
        "missing_field")).isEqualTo("\"role\" is required");
    assertThat(c.error(POST, "/_devtenant/pim/roles/activate", new JsonObject().put("user", "alice")
        .put("role", "Billing Administrator").put("duration", "1 hour"), 400, "invalid_value"))
        .contains("\"duration\"", "\"1 hour\"");
    assertThat(c.error(POST, "/_devtenant/pim/groups/activate", new JsonObject().put("user", "alice")
        .put("group", "Production Access").put("access", "admin"), 400, "invalid_value"))
        .isEqualTo("\"access\" must be member or owner, got \"admin\"");
    assertThat(c.error(POST, "/_devtenant/pim/groups/activate", new JsonObject().put("user", "alice")
        .put("group", "No Such Group"), 404, "group_not_found")).contains("No Such Group");
    assertThat(c.error(POST, "/_devtenant/pim/requests/3e1d2f00-0000-0000-0000-000000000000/approve", null, 404,
        "request_not_found")).contains("3e1d2f00");
    assertThat(c.error(POST, "/_devtenant/pim/roles/activate", null, 400, "invalid_body")).contains("user, role");
  }

  @Test
  void clockRefusesToGoBackOrToTakeBothForms() {
    assertThat(c.error(POST, "/_devtenant/clock/advance", new JsonObject().put("seconds", -5), 400,
        "invalid_value")).contains("-5 seconds");
    assertThat(c.error(POST, "/_devtenant/clock/advance", new JsonObject().put("seconds", 5)
        .put("duration", "PT1S"), 400, "invalid_body")).contains("exactly one");
    assertThat(c.error(POST, "/_devtenant/clock/advance", new JsonObject().put("duration", "tomorrow"), 400,
        "invalid_value")).contains("\"tomorrow\"");
    long before = c.ok(GET, "/_devtenant/clock", null).getLong("offsetSeconds");
    assertThat(c.ok(POST, "/_devtenant/clock/advance", new JsonObject().put("seconds", 30))
        .getLong("offsetSeconds")).isEqualTo(before + 30);
  }
}
