package io.sallyport.gateway.explain;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What {@code POST /explain} asks: a route (by name, or by path and host the way the proxy would
 * match it) and exactly one identity: an access token, a user (UPN or object id) whose newest
 * session is used, or hypothetical claims.
 */
record ExplainRequest(String route, String path, String host, Mode mode, String token, String user,
                      JsonObject claims) {

  enum Mode { TOKEN, USER, CLAIMS }

  private static final List<String> KEYS = List.of("route", "path", "host", "token", "user", "claims");
  static final int MAX_TEXT = 16 * 1024;

  static ExplainRequest parse(JsonObject body) {
    for (String k : body.fieldNames()) {
      if (!KEYS.contains(k)) {
        throw ExplainProblem.malformed("unknown field \"" + clip(k) + "\"; expected " + KEYS);
      }
    }
    String route = text(body, "route");
    String path = text(body, "path");
    String host = text(body, "host");
    if ((route == null) == (path == null)) {
      throw ExplainProblem.malformed("give either \"route\" (a route name) or \"path\" (with an optional \"host\"),"
          + " not " + (route == null ? "neither" : "both"));
    }
    if (host != null && path == null) {
      throw ExplainProblem.malformed("\"host\" goes with \"path\"; with \"route\" the host is the route's own");
    }
    String token = text(body, "token");
    String user = text(body, "user");
    Object claims = body.getValue("claims");
    if (claims != null && !(claims instanceof JsonObject)) {
      throw ExplainProblem.malformed("\"claims\" must be a JSON object of token claims, like {\"amr\": [\"pwd\"]}");
    }
    int given = (token != null ? 1 : 0) + (user != null ? 1 : 0) + (claims != null ? 1 : 0);
    if (given != 1) {
      throw ExplainProblem.malformed("give exactly one of \"token\" (an access token), \"user\" (a UPN or object id)"
          + " or \"claims\" (a JSON object); got " + given);
    }
    Mode mode = token != null ? Mode.TOKEN : user != null ? Mode.USER : Mode.CLAIMS;
    return new ExplainRequest(route, path, host, mode, token, user, (JsonObject) claims);
  }

  private static String text(JsonObject body, String key) {
    Object v = body.getValue(key);
    if (v == null) {
      return null;
    }
    // never quote the value: for "token" it is a credential
    if (!(v instanceof String s) || s.isBlank()) {
      throw ExplainProblem.malformed("\"" + key + "\" must be a non-empty string");
    }
    if (s.length() > MAX_TEXT) {
      throw ExplainProblem.malformed("\"" + key + "\" is " + s.length() + " characters; at most " + MAX_TEXT);
    }
    return s.trim();
  }

  static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
