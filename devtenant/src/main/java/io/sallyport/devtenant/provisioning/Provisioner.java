package io.sallyport.devtenant.provisioning;

import io.sallyport.devtenant.Context;

/** Pushes users and groups to a SCIM endpoint as Entra provisioning does (being built). */
public final class Provisioner {

  private final Context ctx;

  public Provisioner(Context ctx) {
    this.ctx = ctx;
  }

  public void startSchedule() {
  }

  public void stop() {
  }
}
