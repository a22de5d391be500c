package io.sallyport.gateway.entra.oidc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The claim checks of a signed access token, in Entra's terms (reference/entra-protocol.md §2):
 * lifetime, audience, access-token type, and the issuer rules for v1, v2 and multi-tenant keys.
 * Standard libraries compare {@code iss} with one fixed string and so cannot express the
 * {@code {tenantid}} template; this class can.
 */
final class ClaimRules {

  static final String V1_PREFIX = "https://sts.windows.net/";
  private static final String TEMPLATE = "{tenantid}";
  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final VerifierOptions o;

  ClaimRules(VerifierOptions options) {
    this.o = options;
  }

  VerifiedToken check(JsonObject c, SigningKey key, Instant now) {
    long leeway = o.leeway().toSeconds();
    if (!(c.getValue("exp") instanceof Number exp)) {
      throw new TokenRejected(TokenRejected.MALFORMED, "the token has no numeric exp claim; an access token must expire");
    }
    if (now.getEpochSecond() > exp.longValue() + leeway) {
      throw new TokenRejected(TokenRejected.EXPIRED, "the token expired at " + Instant.ofEpochSecond(exp.longValue())
          + "; get a new one");
    }
    Object nbf = c.getValue("nbf");
    if (nbf != null && !(nbf instanceof Number)) {
      throw new TokenRejected(TokenRejected.MALFORMED, "nbf is not a number");
    }
    if (nbf instanceof Number n && now.getEpochSecond() + leeway < n.longValue()) {
      throw new TokenRejected(TokenRejected.NOT_YET_VALID, "the token is not valid before "
          + Instant.ofEpochSecond(n.longValue()) + " (is a clock wrong?)");
    }
    audience(c.getValue("aud"));
    if (!(c.getValue("azp") instanceof String) && !(c.getValue("appid") instanceof String)) {
      // access tokens name their client (azp in v2, appid in v1); ID tokens carry neither
      throw new TokenRejected(TokenRejected.TYPE, "not an access token (no azp or appid claim): an ID token"
          + " proves a sign-in to its client, it does not grant access to an API");
    }
    String tid = c.getValue("tid") instanceof String t ? t.toLowerCase(Locale.ROOT) : null;
    if (tid == null || !GUID.matcher(tid).matches()) {
      throw new TokenRejected(TokenRejected.TENANT, "tid " + (tid == null ? "is missing" : "\"" + Clip.of(tid)
          + "\" is not a GUID"));
    }
    String version = issuer(c, tid, key);
    if (!o.allowedTenants().contains(tid)) {
      throw new TokenRejected(TokenRejected.TENANT, "tenant " + tid + " is not allowed here");
    }
    return VerifiedToken.of(c, tid, version, Instant.ofEpochSecond(exp.longValue()));
  }

  /**
   * An ID token from this gateway's own sign-in: the same issuer, tenant and lifetime rules, but the
   * audience must be the gateway's client id and {@code nonce} the one this sign-in sent (so a code
   * or token from another sign-in cannot be replayed into it).
   *
   * @return the token's claims
   */
  JsonObject idToken(JsonObject c, SigningKey key, Instant now, String clientId, String nonce) {
    long leeway = o.leeway().toSeconds();
    if (!(c.getValue("exp") instanceof Number exp) || now.getEpochSecond() > exp.longValue() + leeway) {
      throw new TokenRejected(TokenRejected.EXPIRED, "the ID token has no exp or expired; sign in again");
    }
    if (!(c.getValue("aud") instanceof String aud) || !aud.equalsIgnoreCase(clientId)) {
      throw new TokenRejected(TokenRejected.AUDIENCE, "the ID token is for " + Clip.of(c.getValue("aud"))
          + ", not for this gateway's client " + clientId);
    }
    if (!(c.getValue("nonce") instanceof String n) || !java.security.MessageDigest.isEqual(
        n.getBytes(java.nio.charset.StandardCharsets.UTF_8), nonce.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      throw new TokenRejected(TokenRejected.NONCE, "the ID token's nonce is not the one this sign-in sent");
    }
    String tid = c.getValue("tid") instanceof String t ? t.toLowerCase(Locale.ROOT) : null;
    if (tid == null || !GUID.matcher(tid).matches()) {
      throw new TokenRejected(TokenRejected.TENANT, "the ID token's tid is missing or not a GUID");
    }
    issuer(c, tid, key);
    if (!o.allowedTenants().contains(tid)) {
      throw new TokenRejected(TokenRejected.TENANT, "tenant " + tid + " is not allowed here");
    }
    return c;
  }

  private void audience(Object aud) {
    if (aud instanceof String s && o.audiences().contains(s)) {
      return;
    }
    if (aud instanceof JsonArray a) {
      for (Object v : a) {
        if (v instanceof String s && o.audiences().contains(s)) {
          return;
        }
      }
    }
    throw new TokenRejected(TokenRejected.AUDIENCE, aud == null ? "the token has no aud claim"
        : "the token is for audience " + Clip.of(aud) + ", not for this API; expected one of " + o.audiences());
  }

  /** Checks {@code iss} against {@code tid} and the key's issuer; returns "1.0" or "2.0". */
  private String issuer(JsonObject c, String tid, SigningKey key) {
    String iss = c.getValue("iss") instanceof String s ? s : null;
    boolean v1 = iss != null && iss.startsWith(V1_PREFIX);
    boolean v2 = iss != null && iss.startsWith(o.authority() + "/") && iss.endsWith("/v2.0");
    if (!v1 && !v2) {
      throw new TokenRejected(TokenRejected.ISSUER, "issuer " + (iss == null ? "is missing" : "\"" + Clip.of(iss)
          + "\" is not Entra's") + "; expected " + o.issuerV2(tid) + " or " + V1_PREFIX + tid + "/");
    }
    String expected = v1 ? V1_PREFIX + tid + "/" : o.issuerV2(tid);
    if (!iss.equals(expected)) {
      // same form, other tenant: the token's tid and its issuer disagree
      throw new TokenRejected(TokenRejected.ISSUER, "issuer \"" + Clip.of(iss) + "\" does not match tid " + tid
          + "; expected " + expected);
    }
    String version = v1 ? "1.0" : "2.0";
    Object ver = c.getValue("ver");
    if (ver != null && !version.equals(ver)) {
      throw new TokenRejected(TokenRejected.ISSUER, "ver " + Clip.of(ver) + " does not match the issuer's form ("
          + version + ")");
    }
    keyIssuer(key, iss, tid);
    return version;
  }

  /**
   * Entra's "validation of the signing key issuer": a templated key serves any tenant; a key with
   * a concrete issuer serves only that tenant. A template of the other version's form (the v2 key
   * set's keys also sign v1 tokens) says nothing about this token.
   */
  private static void keyIssuer(SigningKey key, String iss, String tid) {
    String k = key.issuer();
    if (k == null) {
      return;
    }
    int at = k.toLowerCase(Locale.ROOT).indexOf(TEMPLATE);
    String effective = at < 0 ? k : k.substring(0, at) + tid + k.substring(at + TEMPLATE.length());
    boolean sameForm = effective.startsWith(V1_PREFIX) == iss.startsWith(V1_PREFIX);
    if (sameForm ? !effective.equals(iss) : at < 0 && !effective.contains("/" + tid + "/")) {
      throw new TokenRejected(TokenRejected.ISSUER, "signing key " + Clip.of(key.kid()) + " belongs to issuer \""
          + Clip.of(k) + "\", not to " + iss);
    }
  }
}
