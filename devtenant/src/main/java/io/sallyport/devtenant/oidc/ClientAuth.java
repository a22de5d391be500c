package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.crypto.Certificates;
import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.http.EntraError;
import io.sallyport.devtenant.state.AppRegistration;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Who is calling the token endpoint (reference §1.5): {@code client_secret} in the form or HTTP
 * Basic, or a {@code client_assertion} JWT signed with one of the app's registered certificates
 * (RS256 or PS256, named by {@code x5t} or {@code x5t#S256}). The result's {@code acr} is Entra's
 * azpacr/appidacr: 0 public client, 1 secret, 2 certificate.
 */
final class ClientAuth {

  static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /** The authenticated (or public) client. */
  record Client(AppRegistration app, String acr) {
    boolean authenticated() {
      return !"0".equals(acr);
    }
  }

  private final Context ctx;

  ClientAuth(Context ctx) {
    this.ctx = ctx;
  }

  Client authenticate(RoutingContext rc, TenantRef tenant) {
    String basicId = null;
    String basicSecret = null;
    String header = rc.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new EntraError("invalid_client", 7000215, "The Authorization header is not valid Basic credentials.");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new EntraError("invalid_client", 7000215, "The Authorization header is not valid Basic credentials.");
      }
      basicId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
      basicSecret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
    }
    String formId = Replies.param(rc, "client_id");
    if (basicId != null && formId != null && !basicId.equals(formId)) {
      throw new EntraError("invalid_request", 90100, "client_id parameter does not match the client id in the"
          + " Authorization header.");
    }
    String clientId = formId != null ? formId : basicId;
    if (clientId == null) {
      throw Replies.missing("client_id");
    }
    AppRegistration app = ctx.state().apps.find(clientId)
        .orElseThrow(() -> AuthorizeRequest.unknownClient(clientId, ctx.state()));
    if (app.servicePrincipalId() == null) {
      // An app registered through Graph has no enterprise app in the tenant until POST /servicePrincipals.
      throw new EntraError("invalid_client", 7000229, "The client application " + clientId
          + " is missing service principal in the tenant " + ctx.tenantId() + ".");
    }
    String secret = Replies.param(rc, "client_secret") != null ? Replies.param(rc, "client_secret") : basicSecret;
    String assertion = Replies.param(rc, "client_assertion");
    if (secret != null && assertion != null) {
      throw new EntraError("invalid_request", 90100, "Only one client authentication method may be used: both"
          + " client_secret and client_assertion were sent.");
    }
    if (app.publicClient() && (secret != null || assertion != null)) {
      throw new EntraError("invalid_client", 700025, "Client is public so neither 'client_assertion' nor"
          + " 'client_secret' should be presented.");
    }
    if (secret != null) {
      byte[] given = secret.getBytes(StandardCharsets.UTF_8);
      boolean ok = false;
      for (String s : app.secrets()) {
        ok |= MessageDigest.isEqual(given, s.getBytes(StandardCharsets.UTF_8));
      }
      if (!ok) {
        throw new EntraError("invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent"
            + " in the request is the client secret value, not the client secret ID, for a secret added to app '"
            + app.appId() + "'.");
      }
      return new Client(app, "1");
    }
    if (assertion != null) {
      if (!ASSERTION_TYPE.equals(Replies.param(rc, "client_assertion_type"))) {
        throw new EntraError("invalid_request", 90100, "client_assertion_type parameter is empty or not valid."
            + " Expected '" + ASSERTION_TYPE + "'.");
      }
      new ClientAssertion(ctx, app, tenant).verify(assertion);
      return new Client(app, "2");
    }
    if (!app.publicClient()) {
      throw new EntraError("invalid_client", 7000218, "The request body must contain the following parameter:"
          + " 'client_assertion' or 'client_secret'.");
    }
    return new Client(app, "0");
  }

  static String thumbprintOf(Jwt jwt, java.security.cert.X509Certificate cert) {
    return jwt.header().getString("x5t#S256") != null ? Certificates.x5tS256(cert) : Certificates.x5t(cert);
  }
}
