package io.sallyport.devtenant.control;

import io.sallyport.devtenant.provisioning.Provisioner;
import io.sallyport.devtenant.provisioning.ProvisioningConfig;
import io.sallyport.devtenant.provisioning.ProvisioningException;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.nio.file.NoSuchFileException;

/** Configures the provisioning simulator, runs a cycle on command and shows the last report. */
final class ProvisioningControl {

  private final Provisioner provisioner;

  ProvisioningControl(Provisioner provisioner) {
    this.provisioner = provisioner;
  }

  void get(RoutingContext rc) {
    Replies.ok(rc, provisioner.describe());
  }

  void configure(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "scim-url", "token", "interval", "ca-file", "concurrency");
    Long concurrency = b.integer("concurrency");
    Duration interval = b.duration("interval");
    ProvisioningConfig config;
    try {
      config = new ProvisioningConfig(b.string("scim-url"), b.string("token"), interval, b.string("ca-file"),
          concurrency == null ? ProvisioningConfig.DEFAULT_CONCURRENCY : (int) Math.max(-1, Math.min(concurrency, 1000)));
    } catch (IllegalArgumentException e) {
      throw ControlError.badRequest("invalid_value", e.getMessage());
    }
    provisioner.configure(config).onSuccess(c -> Replies.ok(rc, provisioner.describe())).onFailure(e -> {
      String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
      ControlError.badRequest("invalid_value", "\"ca-file\" could not be read: \"" + config.caFile() + "\" (" + why
          + ")").send(rc);
    });
  }

  void run(RoutingContext rc) {
    JsonBody.of(rc, true);
    provisioner.runOnce().onSuccess(r -> Replies.ok(rc, r.toJson())).onFailure(e -> {
      if (e instanceof ProvisioningException p) {
        ControlError.conflict(p.code(), p.getMessage()).send(rc);
      } else {
        rc.fail(e);
      }
    });
  }
}
