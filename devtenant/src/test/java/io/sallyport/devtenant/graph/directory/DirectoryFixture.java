package io.sallyport.devtenant.graph.directory;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.sallyport.devtenant.harness.GraphSdk;
import io.sallyport.devtenant.harness.RunningDevTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One demo devtenant per test class, with the Graph SDK as the Sallyport app (app-only tokens from
 * the token endpoint) and a raw-JSON client for shape comparisons.
 */
public abstract class DirectoryFixture {

  protected static RunningDevTenant t;
  protected static GraphServiceClient app;
  protected static DirectoryHttp http;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
    app = GraphSdk.appOnly(t, "Sallyport");
    http = new DirectoryHttp(t);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  /** URL-encodes a query value as Graph clients do (%20 for spaces). */
  protected static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
