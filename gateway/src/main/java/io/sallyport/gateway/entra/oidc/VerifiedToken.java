package io.sallyport.gateway.entra.oidc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An access token whose signature and claims passed. Identity across services is {@code tenantId}
 * + {@code oid}, never {@code sub} (pairwise per app).
 *
 * @param upn             {@code upn}, else {@code preferred_username}, else {@code unique_name}; display only
 * @param appId           the client the token was issued to: {@code azp} (v2) or {@code appid} (v1)
 * @param scopes          delegated permissions ({@code scp}); empty for app-only tokens
 * @param groups          group object ids as carried; see {@code groupsOverage}
 * @param groupsOverage   true when Entra left the groups out ({@code _claim_names.groups} or
 *                        {@code hasgroups}): {@code groups} is then not the membership and must
 *                        be resolved through Graph. A missing claim never means "no groups"
 * @param authTime        {@code auth_time}, or null when the resource did not ask for it
 * @param version         "1.0" or "2.0", from the issuer's form
 * @param claims          every claim of the payload (a private copy)
 */
public record VerifiedToken(String tenantId, String oid, String sub, String name, String upn, String appId,
                            List<String> scopes, List<String> roles, List<String> groups, boolean groupsOverage,
                            List<String> amr, List<String> acrs, Instant authTime, List<String> xmsCc,
                            Instant expiresAt, String version, JsonObject claims) {

  public VerifiedToken {
    claims = claims.copy();
  }

  /** True for a client-credentials token: no user, so no delegated scopes. */
  public boolean appOnly() {
    return scopes.isEmpty() && !"user".equals(claims.getValue("idtyp"));
  }

  /**
   * This token with the membership Graph resolved for an overage token: {@code groups} become those
   * ids and {@code groupsOverage} false, so the group check reads them like a token's own claim.
   * {@link #claims()} keeps {@code _claim_names}: the token itself still carried no groups.
   */
  public VerifiedToken withResolvedGroups(List<String> groupIds) {
    if (!groupsOverage) {
      throw new IllegalStateException("only an overage token's groups are resolved through Graph");
    }
    return new VerifiedToken(tenantId, oid, sub, name, upn, appId, scopes, roles, List.copyOf(groupIds), false, amr,
        acrs, authTime, xmsCc, expiresAt, version, claims);
  }

  @Override
  public JsonObject claims() {
    return claims.copy();
  }

  /**
   * Claims nobody verified, read the way a verified token's are: for the explain tool's "what if"
   * and a session's stored sign-in claims only, never to let a request through. {@code tid},
   * {@code ver} and {@code exp} come from the claims (absent: null, "2.0", null).
   */
  public static VerifiedToken fromClaims(JsonObject claims) {
    String ver = claims.getValue("ver") instanceof String v ? v : "2.0";
    Instant exp = claims.getValue("exp") instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
    return of(claims, text(claims, "tid"), ver, exp);
  }

  static VerifiedToken of(JsonObject c, String tid, String version, Instant exp) {
    String upn = text(c, "upn");
    upn = upn != null ? upn : text(c, "preferred_username");
    upn = upn != null ? upn : text(c, "unique_name");
    String app = text(c, "azp") != null ? text(c, "azp") : text(c, "appid");
    String scp = text(c, "scp");
    List<String> scopes = scp == null || scp.isBlank() ? List.of() : List.of(scp.trim().split("\\s+"));
    boolean overage = c.getValue("_claim_names") instanceof JsonObject names && names.containsKey("groups")
        || Boolean.TRUE.equals(c.getValue("hasgroups"));
    Instant authTime = c.getValue("auth_time") instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
    return new VerifiedToken(tid, text(c, "oid"), text(c, "sub"), text(c, "name"), upn, app, scopes,
        strings(c, "roles"), strings(c, "groups"), overage, strings(c, "amr"), strings(c, "acrs"), authTime,
        strings(c, "xms_cc"), exp, version, c);
  }

  private static String text(JsonObject c, String name) {
    return c.getValue(name) instanceof String s ? s : null;
  }

  /** A JSON array of strings; anything else (absent, wrong type) is empty, non-strings are dropped. */
  private static List<String> strings(JsonObject c, String name) {
    if (!(c.getValue(name) instanceof JsonArray a)) {
      return List.of();
    }
    List<String> out = new ArrayList<>(a.size());
    for (Object o : a) {
      if (o instanceof String s) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }
}
