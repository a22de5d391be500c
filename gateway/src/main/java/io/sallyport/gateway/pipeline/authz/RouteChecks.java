package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.pipeline.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A route's {@code require} block as checks, in a fixed order: who the caller is (scopes, app
 * roles, groups) before how they signed in (Conditional Access), so that a caller who could never
 * pass is not sent through a step-up first. Every check runs, so the decision lists every reason.
 */
public final class RouteChecks {

  /**
   * What the checks found.
   *
   * @param failures  every failed check's reason, in check order; empty when all passed
   * @param stepUp    true when every failure is a Conditional Access one (signing in again could fix it)
   */
  public record Outcome(List<Reason> failures, boolean stepUp) {
    static final Outcome PASSED = new Outcome(List.of(), false);

    public boolean passed() {
      return failures.isEmpty();
    }
  }

  /**
   * One check's verdict, for explain.
   *
   * @param failure  the reason it failed, or null when it passed
   */
  public record Verdict(String name, String requirement, Reason failure) {
    public boolean passed() {
      return failure == null;
    }
  }

  private final List<Check> checks;

  RouteChecks(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  /** Build once per require block and keep it (see {@code BearerPolicy}), not once per request. */
  public static RouteChecks of(RequireConfig r) {
    List<Check> checks = new ArrayList<>();
    if (!r.scopes().isEmpty()) {
      checks.add(new ScopeCheck(r.scopes()));
    }
    if (!r.appRoles().isEmpty()) {
      checks.add(new RoleCheck(r.appRoles()));
    }
    if (!r.groups().isEmpty()) {
      checks.add(new GroupCheck(r.groups()));
    }
    if (r.mfa()) {
      checks.add(new MfaCheck());
    }
    if (r.authContext() != null) {
      checks.add(new AuthContextCheck(r.authContext()));
    }
    if (r.maxAuthAge() != null) {
      checks.add(new AuthAgeCheck(r.maxAuthAge()));
    }
    return new RouteChecks(checks);
  }

  /**
   * Every check's verdict in check order, passes included: the "why was I denied" view. Not for
   * the hot path (it allocates per check); {@link #evaluate} is.
   */
  public List<Verdict> explain(VerifiedToken token, Instant now) {
    List<Verdict> out = new ArrayList<>(checks.size());
    for (Check c : checks) {
      out.add(new Verdict(c.name(), c.requirement(), c.check(token, now).orElse(null)));
    }
    return List.copyOf(out);
  }

  /** The checks' names and requirements, for a caller that was never authenticated (not evaluated). */
  public List<Verdict> unevaluated() {
    List<Verdict> out = new ArrayList<>(checks.size());
    for (Check c : checks) {
      out.add(new Verdict(c.name(), c.requirement(), null));
    }
    return List.copyOf(out);
  }

  public Outcome evaluate(VerifiedToken token, Instant now) {
    List<Reason> failures = null;
    boolean stepUp = true;
    for (Check c : checks) {
      Optional<Reason> failed = c.check(token, now);
      if (failed.isPresent()) {
        if (failures == null) {
          failures = new ArrayList<>(checks.size());
        }
        failures.add(failed.get());
        stepUp &= c.stepUp();
      }
    }
    return failures == null ? Outcome.PASSED : new Outcome(List.copyOf(failures), stepUp);
  }
}
