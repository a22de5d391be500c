package io.sallyport.gateway.pipeline.forward;

import io.sallyport.gateway.config.Cidr;
import io.sallyport.gateway.http.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.List;
import java.util.Map;

/**
 * Builds the header set sent upstream from the client's: hop-by-hop headers gone, Sallyport's
 * identity namespace gone (an upstream must be able to trust any X-Sallyport-* it sees), and the
 * X-Forwarded-* / Forwarded family rebuilt. Those are believed from the client only when the
 * peer is a configured trusted proxy; from anyone else they are replaced, never appended to.
 */
public final class ForwardedHeaders {

  private final List<Cidr> trustedProxies;
  private final String assertionHeader;

  public ForwardedHeaders(List<Cidr> trustedProxies, String assertionHeader) {
    this.trustedProxies = trustedProxies;
    this.assertionHeader = assertionHeader;
  }

  /** Result of one pass over the client's headers. */
  public record Upstream(MultiMap headers, String requestId) {}

  /**
   * The id this request goes by: a trusted proxy's own X-Request-Id when it is safe to log, else
   * {@code fresh}. Decided once, at the start, so refusals and the forwarded request agree.
   */
  public String requestId(HttpServerRequest req, String fresh) {
    if (trustedProxies.isEmpty()) {
      return fresh;
    }
    String incoming = req.headers().get("x-request-id");
    String peer = req.remoteAddress() == null ? null : req.remoteAddress().hostAddress();
    return isTrusted(peer) && RequestIds.acceptable(incoming) ? incoming : fresh;
  }

  /**
   * Who the client is, for the audit trail: the peer, unless the peer is a trusted proxy, then the
   * nearest address in its X-Forwarded-For that is not itself a trusted proxy (the rightmost one
   * a client could not have forged).
   */
  public String clientIp(HttpServerRequest req) {
    String peer = req.remoteAddress() == null ? null : req.remoteAddress().hostAddress();
    if (trustedProxies.isEmpty() || !isTrusted(peer)) {
      return peer;
    }
    List<String> chain = req.headers().getAll("x-forwarded-for");
    for (int i = chain.size() - 1; i >= 0; i--) {
      String[] hops = chain.get(i).split(",");
      for (int j = hops.length - 1; j >= 0; j--) {
        String hop = hops[j].trim();
        if (!hop.isEmpty() && IpLiteral.bytes(hop) != null && !isTrusted(hop)) {
          return hop;
        }
      }
    }
    return peer;
  }

  public Upstream build(HttpServerRequest req, String freshRequestId) {
    return build(req, freshRequestId, false);
  }

  /**
   * @param dropAuthorization  leave the client's Authorization header out (a protected route's token is
   *                           for Sallyport); not copying a 1.5 KB token beats copying and removing it
   */
  public Upstream build(HttpServerRequest req, String freshRequestId, boolean dropAuthorization) {
    String peer = req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
    String host = req.authority() == null ? "" : req.authority().toString();
    return build(req.headers(), peer, req.isSSL(), host, req.version() == HttpVersion.HTTP_2, freshRequestId,
        dropAuthorization);
  }

  public Upstream build(MultiMap in, String peer, boolean tls, String host, boolean h2, String freshRequestId) {
    return build(in, peer, tls, host, h2, freshRequestId, false);
  }

  /**
   * The same, from plain values (what the request handler knows about the client).
   *
   * @param peer  the client's IP address as a literal
   * @param host  the authority the client asked for ("" when none)
   */
  public Upstream build(MultiMap in, String peer, boolean tls, String host, boolean h2, String freshRequestId,
                        boolean dropAuthorization) {
    List<String> declared = HopByHop.declaredBy(in.getAll("connection"));
    boolean trusted = isTrusted(peer);
    // not HttpHeaders.headers(): that map checks every character of every value as it is added, and
    // the upstream request shares this map read-only without checking again (Forwarder). HTTP/1 values
    // were checked by Vert.x's decoder; HTTP/2 values are checked here; what we add we build or check
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    String cookies = null;
    for (Map.Entry<String, String> h : in) {
      String name = h.getKey();
      if (skip(name) || HopByHop.listed(declared, name)
          || dropAuthorization && name.length() == 13 && name.equalsIgnoreCase("authorization")
          || h2 && !safeValue(h.getValue())) {
        continue;
      }
      if (name.equalsIgnoreCase("cookie")) {
        // Sallyport's own cookies never reach an upstream (it could replay the session); HTTP/2 may
        // split cookies across fields, HTTP/1.1 upstreams expect one (RFC 9113 §8.2.3)
        String kept = OwnCookies.strip(h.getValue());
        if (kept != null) {
          cookies = cookies == null ? kept : cookies + "; " + kept;
        }
        continue;
      }
      out.add(name, h.getValue());
    }
    if (cookies != null) {
      out.set("cookie", cookies);
    }
    String proto = tls ? "https" : "http";
    String requestId = trusted && RequestIds.acceptable(in.get("x-request-id")) ? in.get("x-request-id") : freshRequestId;

    out.set("x-forwarded-for", chain(trusted ? in.getAll("x-forwarded-for") : List.of(), peer));
    out.set("x-forwarded-proto", trusted && in.contains("x-forwarded-proto") ? in.get("x-forwarded-proto") : proto);
    out.set("x-forwarded-host", trusted && in.contains("x-forwarded-host") ? in.get("x-forwarded-host") : host);
    String element = "for=" + forNode(peer) + ";proto=" + proto + (host.isEmpty() ? "" : ";host=" + quoted(host));
    out.set("forwarded", chain(trusted ? in.getAll("forwarded") : List.of(), element));
    out.set("x-request-id", requestId);
    return new Upstream(out, requestId);
  }

  /** No control character but HTAB, no DEL (RFC 9110 §5.5): what may go on the wire as it is. */
  static boolean safeValue(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private boolean skip(String name) {
    if (HopByHop.is(name)) {
      return true;
    }
    char c = name.charAt(0);
    if (c == 'x' || c == 'X') {
      return name.regionMatches(true, 0, "x-sallyport-", 0, 12)
          || name.regionMatches(true, 0, "x-forwarded-", 0, 12)
          || name.equalsIgnoreCase("x-request-id")
          || name.equalsIgnoreCase(assertionHeader);
    }
    return name.equalsIgnoreCase("host") || name.equalsIgnoreCase("forwarded")
        || name.equalsIgnoreCase("expect") || name.equalsIgnoreCase("content-length")
        || name.equalsIgnoreCase(assertionHeader) || c == ':';
  }

  boolean isTrusted(String peer) {
    if (trustedProxies.isEmpty() || peer == null) {
      return false;
    }
    byte[] addr = IpLiteral.bytes(peer);
    for (Cidr c : trustedProxies) {
      if (c.contains(addr)) {
        return true;
      }
    }
    return false;
  }

  private static String chain(List<String> previous, String last) {
    if (previous.isEmpty()) {
      return last;
    }
    return String.join(", ", previous) + ", " + last;
  }

  private static String forNode(String ip) {
    return ip.indexOf(':') >= 0 ? "\"[" + ip + "]\"" : ip;
  }

  private static String quoted(String host) {
    return host.indexOf(':') >= 0 ? "\"" + host + "\"" : host;
  }
}
