package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.harness.DemoGraphFixture;
import org.junit.jupiter.api.BeforeAll;

/** The demo devtenant and Graph SDK, plus a raw-JSON client for shape comparisons. */
public abstract class DirectoryFixture extends DemoGraphFixture {

  protected static DirectoryHttp http;

  @BeforeAll
  static void startHttp() {
    http = new DirectoryHttp(t);
  }
}
