package io.sallyport.gateway.pipeline.authn;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/** Where a bearer token may (and may not) come from: RFC 6750 §2.1, never §2.3. */
final class BearerToken {
  private static final String SCHEME = "bearer ";

  private BearerToken() {}

  /**
   * True when the query string carries {@code access_token}: query strings end up in access logs,
   * browser history and Referer headers, so such a request is refused even with a header token.
   */
  static boolean inQuery(HttpServerRequest req) {
    String q = req.query();
    if (q == null || !q.contains("access_token")) {
      return false; // the common case costs one scan and no allocation
    }
    for (String param : q.split("&")) {
      if (param.equals("access_token") || param.startsWith("access_token=")) {
        return true;
      }
    }
    return false;
  }

  /** Several Authorization headers are ambiguous: which one would the upstream read? */
  static boolean ambiguous(HttpServerRequest req) {
    MultiMap headers = req.headers();
    return headers.contains("authorization") && headers.getAll("authorization").size() > 1;
  }

  /**
   * The token of the {@code Authorization: Bearer} header; null when there is none (no header,
   * another scheme, nothing after the scheme).
   */
  /** The token of an {@code Authorization} header value; null when it is not a Bearer one. */
  static String of(String value) {
    if (value == null) {
      return null;
    }
    if (value.length() <= SCHEME.length() || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    String token = value.substring(SCHEME.length()).trim();
    return token.isEmpty() ? null : token;
  }
}
