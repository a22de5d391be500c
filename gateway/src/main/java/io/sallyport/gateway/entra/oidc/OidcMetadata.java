package io.sallyport.gateway.entra.oidc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;

/**
 * The two members of the tenant's v2 OIDC discovery document the verifier needs. Deliberately not
 * {@code userinfo_endpoint}: in Entra that is Graph, and authenticating a token by calling it is
 * how a Graph token gets into an API (DESIGN.md §3).
 */
public record OidcMetadata(String issuer, URI jwksUri) {

  /** {@code {authority}/{tenant}/v2.0/.well-known/openid-configuration}. */
  public static URI discoveryUri(VerifierOptions o) {
    return URI.create(o.issuerV2(o.tenantId()) + "/.well-known/openid-configuration");
  }

  /**
   * Fetches and checks the document: 200, a JSON object, an issuer that is the tenant's v2 issuer
   * (or Entra's {@code {tenantid}} template), a {@code jwks_uri} on https (http only on loopback).
   */
  public static Future<OidcMetadata> fetch(WebClient client, VerifierOptions o) {
    URI uri = discoveryUri(o);
    return client.getAbs(uri.toString()).putHeader("Accept", "application/json")
        .timeout(o.fetchTimeout().toMillis()).send()
        .compose(r -> parse(r, uri, o), t -> Future.failedFuture(new VerifierUnavailable(
            "OIDC discovery " + uri + " failed: " + t.getMessage(), t)));
  }

  private static Future<OidcMetadata> parse(HttpResponse<?> r, URI uri, VerifierOptions o) {
    if (r.statusCode() != 200) {
      return fail(uri, "answered HTTP " + r.statusCode() + "; expected 200");
    }
    JsonObject doc;
    try {
      doc = r.bodyAsJsonObject();
    } catch (RuntimeException e) {
      doc = null;
    }
    if (doc == null) {
      return fail(uri, "did not answer a JSON object");
    }
    String issuer = doc.getValue("issuer") instanceof String s ? s : null;
    String expected = o.issuerV2(o.tenantId());
    if (issuer == null || !(issuer.equals(expected) || issuer.equalsIgnoreCase(o.issuerV2("{tenantid}")))) {
      return fail(uri, "has issuer " + issuer + "; expected " + expected + " (is tenant.authority right?)");
    }
    URI jwks;
    try {
      jwks = doc.getValue("jwks_uri") instanceof String s ? URI.create(s) : null;
    } catch (IllegalArgumentException e) {
      jwks = null;
    }
    if (jwks == null || !safeScheme(jwks)) {
      return fail(uri, "has no usable jwks_uri; expected an https URL");
    }
    return Future.succeededFuture(new OidcMetadata(issuer, jwks));
  }

  static boolean safeScheme(URI u) {
    String host = u.getHost() == null ? "" : u.getHost();
    return "https".equals(u.getScheme()) || "http".equals(u.getScheme())
        && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
  }

  private static Future<OidcMetadata> fail(URI uri, String what) {
    return Future.failedFuture(new VerifierUnavailable("OIDC discovery " + uri + " " + what, null));
  }
}
