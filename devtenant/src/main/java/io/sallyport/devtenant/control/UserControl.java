package io.sallyport.devtenant.control;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Account changes an admin makes in Entra: disable (which also revokes sessions, as Entra does),
 * enable, and revoke sign-in sessions ({@code revokedAt} = now: cp1 tokens issued before it get
 * Graph's CAE claims challenge and refresh tokens stop redeeming).
 */
final class UserControl {

  private final Context ctx;
  private final Lookup lookup;

  UserControl(Context ctx, Lookup lookup) {
    this.ctx = ctx;
    this.lookup = lookup;
  }

  void disable(RoutingContext rc) {
    Instant now = ctx.clock().instant();
    change(rc, u -> u.withAccountEnabled(false).withRevokedAt(now));
  }

  void enable(RoutingContext rc) {
    change(rc, u -> u.withAccountEnabled(true));
  }

  void revoke(RoutingContext rc) {
    Instant now = ctx.clock().instant();
    change(rc, u -> u.withRevokedAt(now));
  }

  private void change(RoutingContext rc, UnaryOperator<User> how) {
    JsonBody.of(rc, true);
    User user = lookup.user(rc.pathParam("upn"));
    User next = ctx.state().users.update(user.id(), how).orElseThrow(() -> ControlError.notFound("user_not_found",
        "user \"" + rc.pathParam("upn") + "\" disappeared"));
    Replies.ok(rc, new JsonObject().put("upn", next.upn()).put("oid", next.id()).put("enabled", next.accountEnabled())
        .put("revokedAt", next.revokedAt() == null ? null : next.revokedAt().toString()));
  }
}
