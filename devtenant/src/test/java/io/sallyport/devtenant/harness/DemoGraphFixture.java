package io.sallyport.devtenant.harness;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One demo devtenant per test class, with the Graph SDK as the Sallyport app (app-only tokens from
 * devtenant's token endpoint through msal4j).
 */
public abstract class DemoGraphFixture {

  protected static RunningDevTenant t;
  protected static GraphServiceClient app;

  @BeforeAll
  static void startDevtenant() {
    t = RunningDevTenant.demo();
    app = GraphSdk.appOnly(t, "Sallyport");
  }

  @AfterAll
  static void stopDevtenant() {
    t.close();
  }

  /** URL-encodes a query value as Graph clients do (%20 for spaces). */
  protected static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
