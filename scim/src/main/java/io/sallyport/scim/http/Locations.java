package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * Absolute resource URLs for {@code meta.location}, {@code Location} and {@code $ref}. The scheme and
 * host come from the request; {@code X-Forwarded-Proto}/{@code X-Forwarded-Host} are honoured because
 * the gateway strips client-sent copies and sets its own before the SCIM router runs.
 */
record Locations(String baseUrl) {

  static Locations of(HttpServerRequest request, String basePath) {
    String proto = first(request.getHeader("X-Forwarded-Proto"));
    String host = first(request.getHeader("X-Forwarded-Host"));
    if (proto == null) {
      proto = request.isSSL() ? "https" : "http";
    }
    if (host == null) {
      HostAndPort authority = request.authority();
      host = authority == null ? "localhost" : authority.toString();
    }
    String path = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    return new Locations(proto + "://" + host + path);
  }

  String of(ResourceKind kind, String id) {
    return baseUrl + kind.endpoint() + "/" + id;
  }

  private static String first(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    return header.split(",", 2)[0].trim();
  }
}
