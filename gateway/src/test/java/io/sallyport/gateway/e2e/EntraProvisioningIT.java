package io.sallyport.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.DevTenantOptions;
import io.sallyport.devtenant.provisioning.ProvisioningConfig;
import io.sallyport.devtenant.provisioning.ProvisioningReport;
import io.sallyport.devtenant.scenario.ScenarioLoader;
import io.sallyport.devtenant.state.User;
import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.harness.RunningGateway;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * devtenant plays Entra's provisioning service against the gateway's SCIM endpoint on the store:
 * a first cycle of 10,000 users in 20 groups with no error, a second cycle that creates nothing,
 * a user disabled in the tenant arriving as active false, and the aadOptscim062020 dialect too.
 */
class EntraProvisioningIT {

  static final String TOKEN = "provisioning-test-token-0123456789abcdef";
  static final int USERS = 10_000;
  static final int GROUPS = 20;

  static Gateway gateway;
  static Vertx vertx;
  static WebClient http;

  @BeforeAll
  static void start() {
    gateway = ItSupport.gateway(RunningGateway.listeners() + "access-log: off\n"
        + "scim: { enabled: true, tokens: [\"" + TOKEN + "\"] }\n"
        + "routes:\n  - { name: app, upstream: \"http://127.0.0.1:1\", public: true }\n", null);
    vertx = Vertx.vertx();
    http = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    if (vertx != null) {
      vertx.close();
    }
    if (gateway != null) {
      ItSupport.await(gateway.stop());
    }
  }

  static String scenario(String tenantId, String domain, int users, int groups) {
    StringBuilder y = new StringBuilder("tenant: { id: " + tenantId + ", domain: " + domain + " }\nusers:\n");
    for (int i = 0; i < users; i++) {
      y.append(String.format("  - { upn: u%05d, display-name: User %05d, given-name: G%d, surname: S%d, "
          + "department: D%d, password: x%s }%n", i, i, i, i, i % 7, i % 50 == 0 ? ", enabled: false" : ""));
    }
    y.append("groups:\n");
    for (int g = 0; g < groups; g++) {
      y.append("  - display-name: ").append(domain).append(" group ").append(g).append("\n    members: [");
      for (int i = g; i < users; i += groups) {
        y.append(i == g ? "" : ", ").append(String.format("u%05d", i));
      }
      y.append("]\n");
    }
    return y.toString();
  }

  static DevTenant devtenant(String yaml) {
    return ItSupport.await(DevTenant.start(vertx, DevTenantOptions.of(
        ScenarioLoader.parse(yaml, "generated", Instant.now()))), 60, TimeUnit.SECONDS);
  }

  static ProvisioningReport cycle(DevTenant t) {
    return ItSupport.await(t.provisioner().runOnce(), 5, TimeUnit.MINUTES);
  }

  static JsonObject scim(String pathAndQuery) {
    return ItSupport.await(http.get(gateway.publicPort(), "127.0.0.1", "/scim/v2" + pathAndQuery)
        .putHeader("Authorization", "Bearer " + TOKEN).send()).bodyAsJsonObject();
  }

  static String q(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  @Test
  void aFirstCycleOfTenThousandUsersThenAnIdleCycleThenADisabledUser() {
    DevTenant t = devtenant(scenario("33333333-4444-5555-6666-777777777777", "big.example", USERS, GROUPS));
    try {
      ItSupport.await(t.provisioner().configure(new ProvisioningConfig("http://127.0.0.1:" + gateway.publicPort()
          + "/scim/v2", TOKEN, Duration.ZERO, null, 4)));
      long started = System.nanoTime();
      ProvisioningReport first = cycle(t);
      long ms = (System.nanoTime() - started) / 1_000_000;
      JsonObject report = first.toJson();
      assertThat(report.getInteger("errors")).as(report.encodePrettily()).isZero();
      assertThat(report.getInteger("created")).isEqualTo(USERS);
      assertThat(report.getInteger("groupsCreated")).isEqualTo(GROUPS);
      assertThat(report.getInteger("membersAdded")).isEqualTo(USERS);
      System.out.printf("first provisioning cycle: %d users, %d groups, %d members in %d ms%n", USERS, GROUPS,
          USERS, ms);

      assertThat(scim("/Users?count=0").getLong("totalResults")).isEqualTo(USERS);
      assertThat(scim("/Users?count=0&filter=" + q("active eq false")).getLong("totalResults")).isEqualTo(USERS / 50);
      JsonObject group = scim("/Groups?filter=" + q("displayName eq \"big.example group 3\""))
          .getJsonArray("Resources").getJsonObject(0);
      assertThat(group.getJsonArray("members")).hasSize(USERS / GROUPS);

      JsonObject second = cycle(t).toJson();
      assertThat(second.getInteger("errors")).isZero();
      assertThat(second.getInteger("created")).isZero();
      assertThat(second.getInteger("groupsCreated")).isZero();

      User u7 = t.context().state().userByIdOrUpn("u00007@big.example").orElseThrow();
      t.context().state().users.update(u7.id(), u -> u.withAccountEnabled(false));
      JsonObject third = cycle(t).toJson();
      assertThat(third.getInteger("errors")).isZero();
      assertThat(third.getInteger("disabled")).isEqualTo(1);
      JsonObject user = scim("/Users?filter=" + q("userName eq \"u00007@big.example\"")).getJsonArray("Resources")
          .getJsonObject(0);
      assertThat(user.getBoolean("active")).isFalse();
    } finally {
      ItSupport.await(t.close());
    }
  }

  @Test
  void theCompliantDialectProvisionsToo() {
    DevTenant t = devtenant(scenario("44444444-5555-6666-7777-888888888888", "flag.example", 60, 3));
    try {
      ItSupport.await(t.provisioner().configure(new ProvisioningConfig("http://127.0.0.1:" + gateway.publicPort()
          + "/scim/v2?aadOptscim062020", TOKEN, Duration.ZERO, null, 4)));
      JsonObject first = cycle(t).toJson();
      assertThat(first.getInteger("errors")).as(first.encodePrettily()).isZero();
      User u3 = t.context().state().userByIdOrUpn("u00003@flag.example").orElseThrow();
      t.context().state().users.update(u3.id(), u -> u.withAccountEnabled(false));
      // remove a member: the flag form is members[value eq "..."]
      var g = t.context().state().groups.where(x -> x.displayName().equals("flag.example group 0")).get(0);
      t.context().state().groups.update(g.id(), x -> x.withMembers(x.members().subList(1, x.members().size())));
      JsonObject next = cycle(t).toJson();
      assertThat(next.getInteger("errors")).as(next.encodePrettily()).isZero();
      assertThat(next.getInteger("membersRemoved")).isEqualTo(1);
      JsonObject user = scim("/Users?filter=" + q("userName eq \"u00003@flag.example\"")).getJsonArray("Resources")
          .getJsonObject(0);
      assertThat(user.getBoolean("active")).isFalse();
      JsonObject group = scim("/Groups?filter=" + q("displayName eq \"flag.example group 0\""))
          .getJsonArray("Resources").getJsonObject(0);
      assertThat(group.getJsonArray("members")).hasSize(60 / 3 - 1);
    } finally {
      ItSupport.await(t.close());
    }
  }
}
