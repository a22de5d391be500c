package io.sallyport.devtenant.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A generated tenant of 10,000 users in 20 groups, provisioned in one cycle with no errors. */
class ProvisionerScaleIT {

  static final int USERS = 10_000;
  static final int GROUPS = 20;

  static String scenario() {
    StringBuilder y = new StringBuilder("tenant: { id: 22222222-3333-4444-5555-666666666666, domain: scale.example }\n");
    y.append("users:\n");
    for (int i = 0; i < USERS; i++) {
      y.append(String.format("  - { upn: u%05d, display-name: User %05d, given-name: Given%d, surname: Sur%d, "
          + "department: Dept%d, password: x%s }%n", i, i, i, i, i % 7, i % 50 == 0 ? ", enabled: false" : ""));
    }
    y.append("groups:\n");
    for (int g = 0; g < GROUPS; g++) {
      y.append("  - display-name: Group ").append(g).append("\n    members: [");
      for (int i = g; i < USERS; i += GROUPS) {
        y.append(i == g ? "" : ", ").append(String.format("u%05d", i));
      }
      y.append("]\n");
    }
    return y.toString();
  }

  @Test
  void tenThousandUsersProvisionWithoutErrors() throws Exception {
    try (RunningDevTenant t = RunningDevTenant.start(scenario())) {
      ScimFake scim = new ScimFake(t.vertx(), "scale-token");
      try {
        var put = Await.result(t.client().putAbs(t.baseUrl() + "/_devtenant/provisioning")
            .sendJsonObject(new JsonObject().put("scim-url", scim.url()).put("token", "scale-token")));
        assertThat(put.statusCode()).isEqualTo(200);
        long start = System.nanoTime();
        var run = t.client().postAbs(t.baseUrl() + "/_devtenant/provisioning/run").timeout(120_000).send()
            .toCompletionStage().toCompletableFuture().get(120, java.util.concurrent.TimeUnit.SECONDS);
        long ms = (System.nanoTime() - start) / 1_000_000;
        JsonObject report = run.bodyAsJsonObject();
        assertThat(report.getInteger("errors")).as(report.encodePrettily()).isZero();
        assertThat(report.getInteger("created")).isEqualTo(USERS);
        assertThat(report.getInteger("groupsCreated")).isEqualTo(GROUPS);
        assertThat(report.getInteger("membersAdded")).isEqualTo(USERS);
        assertThat(scim.users).hasSize(USERS);
        assertThat(scim.users.values().stream().filter(u -> !u.getBoolean("active")).count()).isEqualTo(USERS / 50);
        // Members go in batches: 500 members per group -> 5 PATCHes of 100.
        assertThat(scim.requests.stream().filter(r -> r.method().equals("PATCH")).count()).isEqualTo(GROUPS * 5);
        assertThat(ms).as("cycle took %d ms", ms).isLessThan(60_000);
        System.out.printf("provisioned %d users, %d groups in %d ms (%d requests)%n", USERS, GROUPS, ms,
            report.getInteger("requests"));
      } finally {
        scim.close();
      }
    }
  }
}
