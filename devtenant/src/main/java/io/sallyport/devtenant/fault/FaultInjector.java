package io.sallyport.devtenant.fault;

import io.sallyport.devtenant.Context;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Injects faults per path pattern (being built). */
public final class FaultInjector implements Handler<RoutingContext> {

  private final Context ctx;

  public FaultInjector(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void handle(RoutingContext rc) {
    rc.next();
  }
}
