package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.config.RequireDirectory;
import io.sallyport.gateway.directory.DirectoryFactsCache;
import io.sallyport.gateway.directory.DirectoryStanding;
import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Decision.Answer;
import io.sallyport.gateway.pipeline.Decision.Verdict;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCIM directory's say, after the identity policy (bearer token or browser session) has
 * established who is calling: {@code require.directory} on a route, and, wherever SCIM is
 * enabled, a caller the directory holds as inactive is refused on every non-public route, whatever
 * token or session they bring. A caller the directory does not know passes unless the route
 * requires the directory: not every deployment provisions everyone. Facts come from memory
 * ({@link DirectoryFactsCache}); a miss waits for one load; an unreadable directory denies with
 * 503 {@value #UNAVAILABLE} (fail closed).
 */
public final class DirectoryRequirement implements AccessPolicy {

  public static final String UNKNOWN = "directory.user_unknown";
  public static final String INACTIVE = "directory.user_inactive";
  public static final String GROUP_MISSING = "directory.group_missing";
  public static final String UNAVAILABLE = "directory.unavailable";

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryRequirement.class);
  private static final Reason INACTIVE_REASON = Reason.of(INACTIVE, "The account is deactivated in this gateway's"
      + " directory (Entra ID provisioning set it inactive or deleted it); an administrator re-enables it in Entra ID.");
  private static final Reason UNAVAILABLE_REASON = Reason.of(UNAVAILABLE, "This gateway's user directory cannot be"
      + " read right now; try again shortly.");

  /**
   * The directory's verdict on one caller.
   *
   * @param failure  why it refuses, or null when it holds
   * @param status   403, or 503 when the directory could not be read
   */
  public record Outcome(Reason failure, int status) {
    public static final Outcome PASSED = new Outcome(null, 200);

    public boolean passed() {
      return failure == null;
    }
  }

  private final AccessPolicy identity;
  private final DirectoryFactsCache facts;
  private final BooleanSupplier scimEnabled;

  public DirectoryRequirement(AccessPolicy identity, DirectoryFactsCache facts, BooleanSupplier scimEnabled) {
    this.identity = identity;
    this.facts = facts;
    this.scimEnabled = scimEnabled;
  }

  @Override
  public Future<Decision> decide(Route route, HttpServerRequest request) {
    Future<Decision> d = identity.decide(route, request);
    if (!applies(route)) {
      return d;
    }
    if (d.succeeded()) { // the usual case (a cached token): no future chain unless the directory refuses
      return judge(route, d.result(), d);
    }
    return d.compose(x -> judge(route, x, null));
  }

  /** True when the directory has a say on this route: it requires the directory, or SCIM is enabled. */
  public boolean applies(Route route) {
    return !route.isPublic() && (route.config().require().directory() != null || scimEnabled.getAsBoolean());
  }

  /** {@code d} with the directory's verdict folded in (what {@link #decide} answers); for explain. */
  public Future<Decision> judge(Route route, Decision d) {
    return applies(route) ? judge(route, d, null) : Future.succeededFuture(d);
  }

  private Future<Decision> judge(Route route, Decision d, Future<Decision> same) {
    Principal p = d.principal();
    if (p == null) { // nobody established: the identity policy already refuses
      return same != null ? same : Future.succeededFuture(d);
    }
    RequireDirectory need = route.config().require().directory();
    String key = DirectoryFactsCache.key(p.upn(), p.oid());
    DirectoryStanding s = key == null ? DirectoryStanding.UNKNOWN : facts.cached(key);
    if (s != null) {
      Outcome o = evaluate(need, s, p);
      return !o.passed() ? Future.succeededFuture(merge(d, o)) : same != null ? same : Future.succeededFuture(d);
    }
    return facts.lookup(key).transform(ar -> Future.succeededFuture(merge(d, ar.succeeded()
        ? evaluate(need, ar.result(), p) : unavailable(ar.cause()))));
  }

  /** The directory's verdict on a caller for this route, as {@link #decide} reaches it; for explain. */
  public Future<Outcome> evaluate(Route route, Principal p) {
    RequireDirectory need = route.config().require().directory();
    String key = DirectoryFactsCache.key(p.upn(), p.oid());
    if (key == null) {
      return Future.succeededFuture(evaluate(need, DirectoryStanding.UNKNOWN, p));
    }
    return facts.lookup(key).transform(ar -> Future.succeededFuture(ar.succeeded()
        ? evaluate(need, ar.result(), p) : unavailable(ar.cause())));
  }

  static Outcome evaluate(RequireDirectory need, DirectoryStanding s, Principal p) {
    if (!s.found()) {
      return need == null ? Outcome.PASSED : new Outcome(Reason.of(UNKNOWN, "This route requires a user provisioned"
          + " to this gateway's directory (SCIM from Entra ID), and there is none with userName "
          + (p.upn() != null ? "\"" + p.upn() + "\"" : "(the token has no UPN) or externalId \"" + p.oid() + "\"")
          + "."), 403);
    }
    if (!s.active()) {
      return new Outcome(INACTIVE_REASON, 403);
    }
    if (need != null && !need.groups().isEmpty() && !s.inAnyOf(need.groups())) {
      return new Outcome(Reason.of(GROUP_MISSING, "The user is not in " + (need.groups().size() == 1
          ? "the directory group " : "any of the directory groups ") + need.groups() + " this route requires."), 403);
    }
    return Outcome.PASSED;
  }

  /** The requirement in plain words, as explain shows it. */
  public static String requirement(RequireDirectory need) {
    if (need == null) {
      return "not deactivated in the SCIM directory (if provisioned there)";
    }
    return need.groups().isEmpty() ? "an active user in the SCIM directory"
        : "an active user in the SCIM directory, member of " + AnyOf.describe(need.groups());
  }

  /**
   * A refusal by the directory wins over an allow or a step-up challenge (stepping up cannot fix
   * it) and comes first among other refusals; a definite 403 on either side beats a 503.
   */
  public static Decision merge(Decision d, Outcome o) {
    if (o.passed()) {
      return d;
    }
    List<Reason> reasons = new ArrayList<>();
    reasons.add(o.failure());
    int status = o.status();
    if (d.verdict() != Verdict.ALLOW) {
      reasons.addAll(d.reasons());
      if (d.verdict() == Verdict.DENY && d.status() == 403) {
        status = 403;
      }
    }
    return new Decision(Verdict.DENY, reasons, new Answer(status, null), d.principal());
  }

  private static Outcome unavailable(Throwable cause) {
    // per request, so debug: the store logs its own failures, and the decision counter counts these
    LOG.debug("directory unavailable: {}", cause.toString());
    return new Outcome(UNAVAILABLE_REASON, 503);
  }
}
