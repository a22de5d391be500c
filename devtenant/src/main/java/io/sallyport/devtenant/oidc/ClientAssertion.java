package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.crypto.Certificates;
import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.http.EntraError;
import io.sallyport.devtenant.state.AppRegistration;
import io.vertx.core.json.JsonArray;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A certificate credential's client assertion, checked as Entra does: signed (RS256 or PS256) by a
 * certificate registered on the app and named by its thumbprint, {@code aud} this tenant's token
 * endpoint, {@code iss} = {@code sub} = the client id, in date (five minutes' skew), with a
 * {@code jti}. Reuse of a {@code jti} is allowed, as in Entra: msal4j reuses its assertion until it
 * nears expiry.
 */
final class ClientAssertion {

  private static final long SKEW = 300;

  private final Context ctx;
  private final AppRegistration app;
  private final TenantRef tenant;

  ClientAssertion(Context ctx, AppRegistration app, TenantRef tenant) {
    this.ctx = ctx;
    this.app = app;
    this.tenant = tenant;
  }

  void verify(String compact) {
    Jwt jwt;
    try {
      jwt = Jwt.parse(compact);
    } catch (Jwt.JwtException e) {
      throw new EntraError("invalid_client", 50027, "JWT token is invalid or malformed: " + e.getMessage());
    }
    String s256 = jwt.header().getString("x5t#S256");
    String sha1 = jwt.header().getString("x5t");
    X509Certificate cert = null;
    for (String pem : app.certificatePems()) {
      X509Certificate c = Certificates.parseCertificate(pem);
      if ((s256 != null && sameThumbprint(s256, Certificates.x5tS256(c)))
          || (s256 == null && sha1 != null && sameThumbprint(sha1, Certificates.x5t(c)))) {
        cert = c;
      }
    }
    if (cert == null) {
      throw new EntraError("invalid_client", 700027, "Client assertion failed signature validation. [Reason - The"
          + " key was not found., Thumbprint of key used by client: '" + (s256 != null ? s256 : sha1) + "']");
    }
    if (!jwt.verifiedBy(cert.getPublicKey())) {
      throw new EntraError("invalid_client", 700027, "Client assertion failed signature validation. [Reason -"
          + " The signature does not verify with the key " + ClientAuth.thumbprintOf(jwt, cert) + " (alg "
          + jwt.alg() + ").]");
    }
    List<String> audiences = audiences(jwt);
    List<String> endpoints = tokenEndpoints();
    if (audiences.stream().noneMatch(a -> endpoints.contains(a.toLowerCase(Locale.ROOT)))) {
      throw new EntraError("invalid_client", 700212, "Client assertion audience claim does not match the required"
          + " value. The assertion audience '" + String.join(",", audiences) + "' is not the token endpoint '"
          + endpoints.get(0) + "'.");
    }
    if (!app.appId().equals(jwt.string("iss")) || !app.appId().equals(jwt.string("sub"))) {
      throw new EntraError("invalid_client", 700021, "Client assertion application identifier doesn't match"
          + " 'client_id' parameter. iss and sub must both be '" + app.appId() + "'.");
    }
    long now = ctx.clock().instant().getEpochSecond();
    long exp = jwt.epoch("exp");
    long nbf = jwt.epoch("nbf");
    if (exp < 0 || now > exp + SKEW || (nbf >= 0 && nbf > now + SKEW)) {
      throw new EntraError("invalid_client", 700024, "Client assertion is not within its valid time range. Current"
          + " time: " + Instant.ofEpochSecond(now) + ", expiry time of assertion "
          + (exp < 0 ? "(none)" : Instant.ofEpochSecond(exp).toString()) + ".");
    }
    if (jwt.string("jti") == null || jwt.string("jti").isBlank()) {
      throw new EntraError("invalid_client", 50027, "JWT token is invalid or malformed: the client assertion has no"
          + " jti claim.");
    }
  }

  /**
   * RFC 7515 says base64url, but msal4j writes {@code x5t#S256} in standard base64 (with + and =),
   * and Entra accepts both: compare the decoded bytes.
   */
  private static boolean sameThumbprint(String given, String expectedUrl) {
    try {
      String normalized = given.replace('+', '-').replace('/', '_').replace("=", "");
      return java.security.MessageDigest.isEqual(java.util.Base64.getUrlDecoder().decode(normalized),
          java.util.Base64.getUrlDecoder().decode(expectedUrl));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static List<String> audiences(Jwt jwt) {
    Object aud = jwt.claims().getValue("aud");
    List<String> out = new ArrayList<>();
    if (aud instanceof String s) {
      out.add(s);
    } else if (aud instanceof JsonArray a) {
      a.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }

  /** Every spelling of this tenant's token endpoint a client may have used as the audience. */
  private List<String> tokenEndpoints() {
    List<String> out = new ArrayList<>();
    var info = ctx.state().info();
    for (String seg : List.of(tenant.pathSegment(), info.id(), info.domain(), "common", "organizations")) {
      out.add((ctx.baseUrl() + "/" + seg + "/oauth2/v2.0/token").toLowerCase(Locale.ROOT));
      out.add((ctx.baseUrl() + "/" + seg + "/oauth2/token").toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
