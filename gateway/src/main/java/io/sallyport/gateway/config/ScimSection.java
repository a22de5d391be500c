package io.sallyport.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code scim:}: the SCIM endpoint on the public listener. Reloaded live. */
final class ScimSection {
  static final int MIN_TOKEN_LENGTH = 32;
  static final String HASH_PREFIX = "sha256:";

  private static final Pattern SEGMENTS = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");
  private static final String BASE_PATH_EXPECTED = "a path like /scim/v2: starting with \"/\", no trailing"
      + " \"/\", segments of letters, digits and -._~ (not starting with \".\")";
  private static final Pattern HEX64 = Pattern.compile("[0-9A-Fa-f]{64}");
  // RFC 6750 b64token: what an Authorization: Bearer header can carry unquoted
  private static final Pattern BEARER = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
  private static final String TOKEN_EXPECTED = "a secret (${ENV}, file:path, or a literal of at least "
      + MIN_TOKEN_LENGTH + " characters) or " + HASH_PREFIX + "<64 hex digits>";

  private ScimSection() {}

  static ScimConfig read(Section root, List<RouteConfig> routes) {
    Section s = root.section("scim", "enabled", "base-path", "tokens", "max-body-size", "max-page-size",
        "entra");
    ScimConfig d = ScimConfig.disabled();
    if (!s.present()) {
      return d;
    }
    boolean enabled = s.bool("enabled", false);
    String basePath = basePath(s);
    ScimEntraConfig entra = ScimEntraSection.read(s, root.has("tenant"));
    // with Entra tokens accepted, static tokens are optional: a deployment may use either or both
    List<String> digests = tokens(s, enabled && entra == null);
    long maxBody = s.size("max-body-size", d.maxBodySize(), 1L << 10, 64L << 20, "1KiB..64MiB", false);
    int maxPage = s.integer("max-page-size", d.maxPageSize(), 1, 10_000, "an integer 1..10000");
    if (enabled && basePath != null) {
      shadowed(s, basePath, routes);
    }
    return new ScimConfig(enabled, basePath == null ? d.basePath() : basePath, digests, (int) maxBody, maxPage,
        entra);
  }

  private static String basePath(Section s) {
    String p = s.text("base-path", BASE_PATH_EXPECTED);
    if (p == null) {
      return ScimConfig.DEFAULT_BASE_PATH;
    }
    if (!SEGMENTS.matcher(p).matches()) {
      s.badValue("base-path", BASE_PATH_EXPECTED, p);
      return null;
    }
    return p;
  }

  /**
   * A route whose every request would be answered by SCIM is a mistake either way: say so rather
   * than silently never reaching it. Routes above the base path ("/" or "/scim") keep the rest.
   */
  private static void shadowed(Section s, String basePath, List<RouteConfig> routes) {
    for (int i = 0; i < routes.size(); i++) {
      String prefix = routes.get(i).pathPrefix();
      if (prefix != null && (prefix.equals(basePath) || prefix.startsWith(basePath + "/"))) {
        s.errors.add(s.path("base-path"), Scalars.quote(basePath) + " shadows routes[" + i + "] (\""
            + routes.get(i).name() + "\", path-prefix " + Scalars.quote(prefix) + "): SCIM answers every"
            + " request under the base path on every host, so the route would never be reached;"
            + " expected a base path no route's path-prefix lies under");
      }
    }
  }

  private static List<String> tokens(Section s, boolean enabled) {
    List<String> digests = new ArrayList<>();
    Node n = s.node("tokens");
    String expected = "a list of at least one token, each " + TOKEN_EXPECTED;
    if (n == null || n.isNull()) {
      if (enabled) {
        s.errors.add(s.path("tokens"), "required when enabled is true; expected " + expected);
      }
      return digests;
    }
    if (n.isInvalid()) {
      return digests;
    }
    if (!(n.value() instanceof List<?> list)) {
      s.bad("tokens", expected, n.describe());
      return digests;
    }
    if (list.isEmpty() && enabled) {
      s.bad("tokens", expected, "an empty list");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Node item = (Node) list.get(i);
      String digest = digest(item, s);
      if (digest == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(digest, i);
      if (first != null) {
        s.errors.add(item.path(), "same token as scim.tokens[" + first + "]; expected each token once");
        continue;
      }
      digests.add(digest);
    }
    return digests;
  }

  /** The token's SHA-256 in lower-case hex; null after reporting. Messages never quote a token. */
  private static String digest(Node item, Section s) {
    if (item.isInvalid()) {
      return null;
    }
    if (!(item.value() instanceof String text)) {
      s.errors.add(item.path(), "expected " + TOKEN_EXPECTED + ", got " + item.describe());
      return null;
    }
    if (text.regionMatches(true, 0, HASH_PREFIX, 0, HASH_PREFIX.length())) {
      String hex = text.substring(HASH_PREFIX.length());
      if (!HEX64.matcher(hex).matches()) {
        s.errors.add(item.path(), "a hash must be " + HASH_PREFIX + " followed by exactly 64 hex digits (got "
            + hex.length() + " characters after the prefix); compute it with: printf %s \"$TOKEN\" | sha256sum");
        return null;
      }
      return hex.toLowerCase(Locale.ROOT);
    }
    String token = References.secret(text, s.baseDir, item.path(), s.errors);
    if (token == null) {
      if (text.isEmpty()) {
        s.errors.add(item.path(), "empty token; expected " + TOKEN_EXPECTED);
      }
      return null;
    }
    if (token.codePointCount(0, token.length()) < MIN_TOKEN_LENGTH) {
      s.errors.add(item.path(), "token is shorter than " + MIN_TOKEN_LENGTH + " characters; expected at least "
          + MIN_TOKEN_LENGTH + " random characters (e.g. openssl rand -base64 33)");
      return null;
    }
    if (!BEARER.matcher(token).matches()) {
      s.errors.add(item.path(), "token has characters a bearer token cannot carry (spaces, quotes, control"
          + " or non-ASCII characters); expected letters, digits and -._~+/ with optional trailing =");
      return null;
    }
    return sha256(token);
  }

  static String sha256(String token) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
