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
import io.sallyport.gateway.store.PostgresTestSchema;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway nodes on one PostgreSQL: a deactivation or a membership change made through node A's
 * SCIM endpoint is enforced on node B within a second (B had the user cached as allowed); a
 * directory that fails or hangs denies with 503 {@code directory.unavailable}. Skipped (never
 * passed) when PostgreSQL is not reachable.
 */
class MultiNodeDirectoryIT {

  @TempDir
  static Path dir;
  static PostgresTestSchema schema;
  static DevTenantFixture dev;
  static TestUpstream upstream;
  static Gateway a;
  static Gateway b;
  static WebClient http;
  static String ops;

  @BeforeAll
  static void start() throws Exception {
    schema = PostgresTestSchema.createOrSkip();
    dev = new DevTenantFixture();
    upstream = TestUpstream.start(dev.vertx);
    String yaml = DirectoryGateway.yaml(dev, dir, upstream.url(), schema.storeYaml());
    a = ItSupport.gateway(yaml, null);
    b = ItSupport.gateway(yaml, null);
    http = WebClient.create(dev.vertx);
    ops = DirectoryGateway.group(http, a, GROUP);
  }

  @AfterAll
  static void stop() throws Exception {
    for (Gateway g : new Gateway[] {a, b}) {
      if (g != null) {
        ItSupport.await(g.stop());
      }
    }
    if (dev != null) {
      upstream.close();
      dev.close();
    }
    if (schema != null) {
      schema.drop();
    }
  }

  @Test
  void aDeactivationOnNodeAIsEnforcedOnNodeBWithinASecond() throws Exception {
    for (int i = 0; i < 3; i++) {
      String upn = upn();
      String id = DirectoryGateway.createUser(http, a, upn);
      DirectoryGateway.addMember(http, a, ops, id);
      String token = token(dev, upn);
      // node B learns the user's standing (cached as allowed) before the change
      assertThat(until(http, b, "/ops", token, 200, null, 1000)).isLessThan(1000);
      assertThat(DirectoryGateway.get(http, b, "/api", token).status()).isEqualTo(200);

      DirectoryGateway.setActive(http, a, id, false);
      long ms = until(http, b, "/api", token, 403, "directory.user_inactive", 1000);
      assertThat(ms).as("deactivation %d enforced on node B after", i).isLessThan(1000);
      assertThat(DirectoryGateway.get(http, b, "/ops", token).code()).isEqualTo("directory.user_inactive");

      DirectoryGateway.setActive(http, a, id, true);
      assertThat(until(http, b, "/ops", token, 200, null, 1000)).isLessThan(1000);
      DirectoryGateway.removeMember(http, a, ops, id);
      assertThat(until(http, b, "/ops", token, 403, "directory.group_missing", 1000)).isLessThan(1000);
    }
  }

  @Test
  void aFailingDirectoryDeniesWith503AndRecovers() throws Exception {
    String upn = upn();
    DirectoryGateway.createUser(http, a, upn);
    String token = token(dev, upn);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      // a real failure: every query of the users table errors ("relation does not exist")
      s.execute("ALTER TABLE directory_users RENAME TO directory_users_gone");
      try {
        assertThat(DirectoryGateway.get(http, b, "/dir", token))
            .isEqualTo(new DirectoryGateway.Answer(503, "directory.unavailable"));
        // SCIM on: even a route without the requirement cannot tell an inactive user apart, so it fails closed
        assertThat(DirectoryGateway.get(http, b, "/api", token))
            .isEqualTo(new DirectoryGateway.Answer(503, "directory.unavailable"));
      } finally {
        s.execute("ALTER TABLE directory_users_gone RENAME TO directory_users");
      }
    }
    // a failed lookup is not kept: the next request reads again
    assertThat(DirectoryGateway.get(http, b, "/dir", token)).isEqualTo(new DirectoryGateway.Answer(200, null));
  }

  @Test
  void aHangingDirectoryDeniesWith503AfterTheLookupTimeout() throws Exception {
    String upn = upn();
    DirectoryGateway.createUser(http, a, upn);
    String token = token(dev, upn);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("LOCK TABLE directory_users IN ACCESS EXCLUSIVE MODE");
      long start = System.nanoTime();
      DirectoryGateway.Answer answer;
      try {
        answer = DirectoryGateway.get(http, b, "/dir", token);
      } finally {
        c.rollback();
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(answer).isEqualTo(new DirectoryGateway.Answer(503, "directory.unavailable"));
      assertThat(ms).isBetween(DirectoryFactsCache.DEFAULT_LOOKUP_TIMEOUT.toMillis() - 100,
          DirectoryFactsCache.DEFAULT_LOOKUP_TIMEOUT.toMillis() + 3000);
    }
    assertThat(until(http, b, "/dir", token, 200, null, 3000)).isLessThan(3000);
  }

  static Connection connect() throws Exception {
    Properties p = new Properties();
    if (schema.user != null) {
      p.setProperty("user", schema.user);
    }
    if (schema.password() != null) {
      p.setProperty("password", schema.password());
    }
    return DriverManager.getConnection(schema.url(), p);
  }
}
