package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.pipeline.Reason;
import java.time.Instant;
import java.util.Optional;

/** One requirement of a route, checked against a verified token. */
public interface Check {

  /** The {@code require} key this check enforces ({@code mfa}, {@code groups}...): what explain shows. */
  String name();

  /** The requirement in plain words, as configured ("amr has mfa"): what explain shows for a pass. */
  String requirement();

  /** @return the reason the token fails this check, or empty when it passes */
  Optional<Reason> check(VerifiedToken token, Instant now);

  /**
   * True for a Conditional Access requirement ({@code ca.*}): one the caller can meet by signing in
   * again, so it may be answered with a step-up challenge instead of a plain refusal.
   */
  default boolean stepUp() {
    return false;
  }
}
