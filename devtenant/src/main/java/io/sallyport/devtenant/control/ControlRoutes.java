package io.sallyport.devtenant.control;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.fault.FaultInjector;
import io.sallyport.devtenant.provisioning.Provisioner;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /_devtenant} test-support API (docs/devtenant.md): JSON in, JSON out, loopback
 * clients only. Every refusal is {@code {"error": code, "message": text}}; unknown paths are 404
 * with the same shape, so a test never has to parse an HTML error page.
 */
public final class ControlRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(ControlRoutes.class);

  private final Context ctx;
  private final FaultInjector faults;
  private final Provisioner provisioner;

  public ControlRoutes(Context ctx, FaultInjector faults, Provisioner provisioner) {
    this.ctx = ctx;
    this.faults = faults;
    this.provisioner = provisioner;
  }

  public void mount(Router router) {
    Router api = Router.router(ctx.vertx());
    api.route().handler(new LoopbackGuard());
    Lookup lookup = new Lookup(ctx.state());
    TenantView tenant = new TenantView(ctx);
    TokenMinting tokens = new TokenMinting(ctx, lookup);
    PimControl pim = new PimControl(ctx, lookup);
    GovernanceControl governance = new GovernanceControl(ctx, lookup);
    UserControl users = new UserControl(ctx, lookup);
    KeysAndClock keysAndClock = new KeysAndClock(ctx);
    FaultControl faultControl = new FaultControl(faults);
    ProvisioningControl provisioning = new ProvisioningControl(provisioner);

    api.get("/tenant").handler(tenant::get);
    api.post("/tokens").handler(tokens::mint);
    api.post("/pim/roles/activate").handler(pim::activateRole);
    api.post("/pim/roles/end").handler(pim::endRole);
    api.post("/pim/groups/activate").handler(pim::activateGroup);
    api.post("/pim/groups/end").handler(pim::endGroup);
    api.post("/pim/requests/:id/approve").handler(pim::approve);
    api.post("/pim/requests/:id/deny").handler(pim::deny);
    api.post("/acceptances").handler(governance::accept);
    api.delete("/acceptances").handler(governance::withdraw);
    api.post("/access-packages/assignments").handler(governance::assign);
    api.delete("/access-packages/assignments").handler(governance::unassign);
    api.post("/users/:upn/disable").handler(users::disable);
    api.post("/users/:upn/enable").handler(users::enable);
    api.post("/users/:upn/revoke").handler(users::revoke);
    api.get("/keys").handler(keysAndClock::keys);
    api.post("/keys/rotate").handler(keysAndClock::rotate);
    api.post("/keys/retire").handler(keysAndClock::retire);
    api.get("/clock").handler(keysAndClock::clock);
    api.post("/clock/advance").handler(keysAndClock::advance);
    api.post("/faults").handler(faultControl::add);
    api.get("/faults").handler(faultControl::list);
    api.delete("/faults/:id").handler(faultControl::remove);
    api.delete("/faults").handler(faultControl::clear);
    api.get("/provisioning").handler(provisioning::get);
    api.put("/provisioning").handler(provisioning::configure);
    api.post("/provisioning/run").handler(provisioning::run);
    api.route().handler(rc -> new ControlError(404, "unknown_endpoint", "no control endpoint "
        + rc.request().method() + " " + rc.request().path() + "; see docs/devtenant.md").send(rc));
    api.route().failureHandler(this::fail);
    router.route("/_devtenant/*").subRouter(api);
  }

  private void fail(RoutingContext rc) {
    Throwable t = rc.failure();
    if (t instanceof ControlError e) {
      e.send(rc);
      return;
    }
    if (t == null && rc.statusCode() == 413) {
      new ControlError(413, "body_too_large", "the request body is over the 1 MiB limit").send(rc);
      return;
    }
    // A bug, not bad input: say so in JSON (never a stack trace), and log it for the developer.
    LOG.error("control API failed on {} {}", rc.request().method(), rc.request().path(), t);
    new ControlError(500, "internal_error", "the control API failed: "
        + (t == null ? "HTTP " + rc.statusCode() : t.getClass().getSimpleName() + ": " + t.getMessage())).send(rc);
  }
}
