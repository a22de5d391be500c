package io.sallyport.gateway.pipeline.forward;

import io.sallyport.gateway.http.Problem;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.List;

/**
 * Refuses requests that the decoder accepted but that two HTTP implementations could read two
 * ways. Each refusal closes the connection: once framing is in doubt, so is every byte after it.
 * (Conflicting Content-Length + Transfer-Encoding is caught earlier, in the decoder.)
 */
final class RequestHygiene {

  private RequestHygiene() {}

  /** @return the problem to answer with, or null when the request is unambiguous */
  static Problem check(HttpServerRequest req) {
    MultiMap h = req.headers();
    if (req.method() == HttpMethod.CONNECT) {
      return bad("request.method_not_allowed", 405, "Method not allowed",
          "CONNECT is not supported: Sallyport is a reverse proxy, not a forward proxy.");
    }
    String uri = req.uri();
    if (uri.isEmpty() || uri.charAt(0) != '/') {
      return bad("request.absolute_form", 400, "Unsupported request target",
          "The request target must be a path starting with \"/\", got \"" + clip(uri) + "\".");
    }
    List<String> te = h.getAll("transfer-encoding");
    if (!te.isEmpty()) {
      if (req.version() == HttpVersion.HTTP_1_0) {
        return framing("Transfer-Encoding is not defined for HTTP/1.0.");
      }
      if (te.size() != 1 || !te.get(0).trim().equalsIgnoreCase("chunked")) {
        return framing("Transfer-Encoding must be exactly \"chunked\", got \"" + clip(String.join(", ", te)) + "\".");
      }
    }
    List<String> cl = h.getAll("content-length");
    if (cl.size() > 1) {
      return framing("Content-Length appears " + cl.size() + " times; send it once.");
    }
    if (cl.size() == 1 && !digits(cl.get(0))) {
      return framing("Content-Length must be a non-negative integer, got \"" + clip(cl.get(0)) + "\".");
    }
    if (req.version() != HttpVersion.HTTP_2) {
      List<String> hosts = h.getAll("host");
      if (hosts.size() > 1) {
        return bad("request.ambiguous_host", 400, "Ambiguous host", "The Host header appears " + hosts.size() + " times.");
      }
      if (hosts.isEmpty() && req.version() == HttpVersion.HTTP_1_1) {
        return bad("request.missing_host", 400, "Missing host", "HTTP/1.1 requests must carry a Host header.");
      }
    }
    return null;
  }

  static long contentLength(HttpServerRequest req) {
    String v = req.headers().get("content-length");
    if (v == null) {
      return -1;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static boolean digits(String v) {
    String s = v.trim();
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Problem framing(String detail) {
    return bad("request.ambiguous_framing", 400, "Ambiguous request framing", detail);
  }

  private static Problem bad(String code, int status, String title, String detail) {
    return new Problem(status, code, title, detail);
  }

  static String clip(String s) {
    String t = s.replaceAll("[\\p{Cntrl}]", "?");
    return t.length() > 100 ? t.substring(0, 100) + "…" : t;
  }
}
