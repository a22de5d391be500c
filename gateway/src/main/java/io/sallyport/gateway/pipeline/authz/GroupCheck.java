package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.pipeline.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code require.groups}: membership in one of the groups, by object id. A token in the overage
 * form carries no {@code groups} at all, which says nothing about membership: that is
 * {@code groups.unavailable} (fail closed) until the Graph lookup arrives, never "not a member".
 */
final class GroupCheck implements Check {
  static final String CODE = "authz.group_missing";
  static final String UNAVAILABLE = "groups.unavailable";

  private static final Reason OVERAGE = Reason.of(UNAVAILABLE, "The token leaves the groups out (the user is in too"
      + " many groups for a token), and this gateway cannot look group membership up yet.");

  private final List<String> groups;
  private final Reason missing;

  GroupCheck(List<String> groups) {
    this.groups = List.copyOf(groups);
    this.missing = Reason.of(CODE, "The user is not in " + (groups.size() == 1 ? "the group " : "any of the groups ")
        + groups + " this route requires.");
  }

  @Override
  public String name() {
    return "groups";
  }

  @Override
  public String requirement() {
    return "membership in " + AnyOf.describe(groups) + " (groups)";
  }

  @Override
  public Optional<Reason> check(VerifiedToken token, Instant now) {
    if (token.groupsOverage()) {
      return Optional.of(OVERAGE);
    }
    return held(token.groups()) ? Optional.empty() : Optional.of(missing);
  }

  /** Any required id among the token's, ignoring case, without building a lower-cased copy per request. */
  private boolean held(List<String> ids) {
    for (String id : ids) {
      for (String g : groups) {
        if (sameId(g, id)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code wanted} (a configured id: a lower-case GUID) equals {@code id} with only A-Z folded to
   * a-z: object ids are ASCII, so no other character may count as the same.
   */
  static boolean sameId(String wanted, String id) {
    int n = wanted.length();
    if (id.length() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char w = wanted.charAt(i);
      char c = id.charAt(i);
      if (c != w && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == w)) {
        return false;
      }
    }
    return true;
  }
}
