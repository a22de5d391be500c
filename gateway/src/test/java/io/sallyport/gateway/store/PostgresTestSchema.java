package io.sallyport.gateway.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL schema for one test class, dropped afterwards. Where PostgreSQL is: system
 * property {@code sallyport.test.pg.url} if non-empty, else env {@code SALLYPORT_TEST_PG_URL},
 * else {@code jdbc:postgresql://127.0.0.1:5432/test}. The user is the URL's {@code user=}, else
 * env {@code SALLYPORT_TEST_PG_USER}, else {@code postgres}, then {@code root}; password from env
 * {@code SALLYPORT_TEST_PG_PASSWORD}. Unreachable means the tests are SKIPPED, never passed.
 */
public final class PostgresTestSchema {
  private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  public final String baseUrl;
  public final String user;
  final String password;
  final String schema;

  private PostgresTestSchema(String baseUrl, String user, String password, String schema) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
    this.schema = schema;
  }

  /** Creates the schema, or aborts the calling test class as skipped if PostgreSQL is absent. */
  public static PostgresTestSchema createOrSkip() {
    String url = firstNonEmpty(System.getProperty("sallyport.test.pg.url"),
        System.getenv("SALLYPORT_TEST_PG_URL"), DEFAULT_URL);
    String password = System.getenv("SALLYPORT_TEST_PG_PASSWORD");
    String envUser = System.getenv("SALLYPORT_TEST_PG_USER");
    String[] users = url.contains("user=") ? new String[] {null}
        : envUser != null && !envUser.isEmpty() ? new String[] {envUser}
        : new String[] {"postgres", "root"};
    String schema = "sp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    SQLException last = null;
    for (String user : users) {
      PostgresTestSchema candidate = new PostgresTestSchema(url, user, password, schema);
      try (Connection c = candidate.connect(url); Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
        return candidate;
      } catch (SQLException e) {
        last = e;
      }
    }
    Assumptions.assumeTrue(false, "PostgreSQL not reachable at " + url + " ("
        + (last == null ? "?" : last.getMessage()) + "); set -Dsallyport.test.pg.url");
    throw new IllegalStateException("unreachable");
  }

  /** The password from {@code SALLYPORT_TEST_PG_PASSWORD}, or null. */
  public String password() {
    return password;
  }

  /** A top-level {@code store:} block for a gateway config on this schema. */
  public String storeYaml() {
    return "store:\n  kind: postgres\n  url: \"" + url() + "\"\n"
        + (user == null ? "" : "  username: " + user + "\n") + "  pool-size: 2\n";
  }

  /** The URL with this schema as the connection's current schema. */
  public String url() {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  public void drop() throws SQLException {
    try (Connection c = connect(baseUrl); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private Connection connect(String url) throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "3");
    return DriverManager.getConnection(url, props);
  }

  private static String firstNonEmpty(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    throw new IllegalStateException("no value");
  }
}
