package io.sallyport.scim.http;

import io.sallyport.scim.spi.ScimStorage;
import io.vertx.core.Vertx;

/** The HTTP compliance suite over the reference in-memory storage. */
final class InMemoryComplianceIT extends ScimComplianceSuite {

  @Override
  protected ScimStorage createStorage(Vertx vertx) {
    return new InMemoryScimStorage();
  }
}
