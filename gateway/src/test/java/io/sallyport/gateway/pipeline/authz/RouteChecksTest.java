package io.sallyport.gateway.pipeline.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.pipeline.Reason;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The require checks, table-driven against hand-built verified tokens. */
class RouteChecksTest {
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  static final String OPS = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

  /** A token with these scopes, roles, groups, amr, acrs and auth_time. */
  static VerifiedToken token(List<String> scp, List<String> roles, List<String> groups, boolean overage,
                             List<String> amr, List<String> acrs, Instant authTime) {
    return new VerifiedToken("tid", "oid", "sub", "Alice", "alice@x", "app", scp, roles, groups, overage, amr, acrs,
        authTime, List.of(), NOW.plusSeconds(3600), "2.0", new JsonObject());
  }

  static final VerifiedToken EMPTY = token(List.of(), List.of(), List.of(), false, List.of(), List.of(), null);
  static final VerifiedToken FULL = token(List.of("a", "access_as_user"), List.of("Billing.Admin"),
      List.of(OPS.toUpperCase()), false, List.of("pwd", "mfa"), List.of("c1"), NOW.minusSeconds(60));

  static RequireConfig require(List<String> scopes, List<String> roles, List<String> groups, boolean mfa,
                               String context, Duration age) {
    return new RequireConfig(scopes, roles, groups, mfa, context, age);
  }

  static Stream<Arguments> cases() {
    List<String> none = List.of();
    return Stream.of(
        arguments("nothing required", RequireConfig.NONE, EMPTY, List.of(), false),
        arguments("any of the scopes", require(List.of("x", "access_as_user"), none, none, false, null, null), FULL,
            List.of(), false),
        arguments("no scope", require(List.of("x"), none, none, false, null, null), FULL,
            List.of("authz.scope_missing"), false),
        arguments("no role", require(none, List.of("Other"), none, false, null, null), FULL,
            List.of("authz.role_missing"), false),
        arguments("group ids compare case-blind", require(none, none, List.of(OPS), false, null, null), FULL,
            List.of(), false),
        arguments("no group", require(none, none, List.of(OPS), false, null, null), EMPTY,
            List.of("authz.group_missing"), false),
        arguments("another group of the same length is not a member (case-blind compare is exact otherwise)",
            require(none, none, List.of(OPS), false, null, null),
            token(List.of(), List.of(), List.of(OPS.substring(0, 35) + "1", OPS.replace('-', '_')), false,
                List.of(), List.of(), null), List.of("authz.group_missing"), false),
        arguments("overage is unknown, not no groups", require(none, none, List.of(OPS), false, null, null),
            token(List.of(), List.of(), List.of(), true, List.of(), List.of(), null),
            List.of("groups.unavailable"), false),
        arguments("no mfa", require(none, none, none, true, null, null), EMPTY, List.of("ca.mfa_missing"), true),
        arguments("auth context named in the code", require(none, none, none, false, "c2", null), FULL,
            List.of("ca.auth_context_missing:c2"), true),
        arguments("sign-in too old", require(none, none, none, false, null, Duration.ofSeconds(59)), FULL,
            List.of("ca.auth_too_old"), true),
        arguments("sign-in just recent enough", require(none, none, none, false, null, Duration.ofSeconds(60)), FULL,
            List.of(), false),
        arguments("no auth_time", require(none, none, none, false, null, Duration.ofHours(1)), EMPTY,
            List.of("ca.auth_too_old"), true),
        arguments("who before how, every reason listed, no step-up when authz fails",
            require(List.of("x"), none, List.of(OPS), true, "c1", Duration.ofMinutes(5)), EMPTY,
            List.of("authz.scope_missing", "authz.group_missing", "ca.mfa_missing", "ca.auth_context_missing:c1",
                "ca.auth_too_old"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checks(String name, RequireConfig require, VerifiedToken token, List<String> codes, boolean stepUp) {
    RouteChecks.Outcome o = RouteChecks.of(require).evaluate(token, NOW);
    assertThat(o.failures()).extracting(Reason::code).containsExactlyElementsOf(codes);
    assertThat(o.passed()).isEqualTo(codes.isEmpty());
    assertThat(o.stepUp()).isEqualTo(stepUp);
  }

  @Test
  void reasonsSayWhatIsMissing() {
    RouteChecks checks = RouteChecks.of(require(List.of("Billing.Read"), List.of(), List.of(), false, null, null));
    assertThat(checks.evaluate(EMPTY, NOW).failures().get(0).detail()).contains("\"Billing.Read\"");
  }
}
