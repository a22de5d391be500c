package io.sallyport.devtenant.control;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.fault.FaultInjector;
import io.sallyport.devtenant.provisioning.Provisioner;
import io.vertx.ext.web.Router;

/** The /_devtenant test-support API (being built). */
public final class ControlRoutes {

  private final Context ctx;
  private final FaultInjector faults;
  private final Provisioner provisioner;

  public ControlRoutes(Context ctx, FaultInjector faults, Provisioner provisioner) {
    this.ctx = ctx;
    this.faults = faults;
    this.provisioner = provisioner;
  }

  public void mount(Router router) {
  }
}
