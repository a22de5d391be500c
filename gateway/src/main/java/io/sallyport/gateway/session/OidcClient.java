package io.sallyport.gateway.session;

import io.sallyport.gateway.config.TenantConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The tenant's OpenID Connect endpoints through vertx-auth-oauth2: discovery, the authorize URL,
 * the code exchange with PKCE, refresh and the end-session URL. It only moves tokens; whether they
 * are good is decided by the gateway's own verifier (never by the library, which falls back to
 * the UserInfo endpoint: DESIGN.md §3). Discovery is retried on the next use after a failure.
 */
public final class OidcClient {

  /** What the token endpoint answered. */
  public record Tokens(String accessToken, String refreshToken, String idToken, Instant accessExpiresAt) {
    @Override
    public String toString() {
      return "Tokens[…]"; // never logged
    }
  }

  /** The token endpoint refused the grant ({@code invalid_grant} etc.): the user must sign in again. */
  public static final class GrantRefused extends RuntimeException {
    GrantRefused(String message) {
      super(message, null, false, false);
    }
  }

  private static final Duration DISCOVERY_RETRY = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final TenantConfig tenant;
  private final List<String> scopes;
  private final Clock clock;
  private Future<OAuth2Auth> provider;
  private Instant failedAt;

  /** @param scopes what sign-in asks for; sent again with every token request (Entra v2 wants it on refresh) */
  public OidcClient(Vertx vertx, TenantConfig tenant, List<String> scopes, Clock clock) {
    this.vertx = vertx;
    this.tenant = tenant;
    this.scopes = List.copyOf(scopes);
    this.clock = clock;
  }

  public TenantConfig tenant() {
    return tenant;
  }

  public List<String> scopes() {
    return scopes;
  }

  public synchronized Future<OAuth2Auth> provider() {
    Instant now = clock.instant();
    if (provider == null || provider.failed() && failedAt != null && now.isAfter(failedAt.plus(DISCOVERY_RETRY))) {
      HttpClientOptions http = new HttpClientOptions().setConnectTimeout(10_000);
      if (tenant.caPem() != null) {
        http.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(tenant.caPem())));
      }
      String authority = tenant.authority().toString().replaceAll("/+$", "");
      OAuth2Options o = new OAuth2Options().setClientId(tenant.clientId()).setClientSecret(tenant.clientSecret())
          .setSite(authority + "/" + tenant.id() + "/v2.0").setHttpClientOptions(http)
          // the v2 token endpoint requires scope on a refresh; on a code redemption it is allowed
          .setExtraParameters(new JsonObject().put("scope", String.join(" ", scopes)))
          // the library's own expiry check reads the wall clock; every token it hands over is judged
          // at once by the gateway's verifier, on the gateway's clock, with Entra's rules: it must
          // not second-guess that with another clock
          .setJWTOptions(new io.vertx.ext.auth.JWTOptions().setLeeway((int) java.time.Duration.ofDays(1).toSeconds()));
      provider = OpenIDConnectAuth.discover(vertx, o).onFailure(t -> failedAt = clock.instant());
    }
    return provider;
  }

  /** The URL the browser is sent to; every parameter but the standard ones goes in {@code extra}. */
  public Future<String> authorizeUrl(String redirectUri, List<String> scopes, String state, String nonce,
                                     String verifier, Map<String, String> extra) {
    return provider().map(p -> {
      // the library's additional parameters replace its own (redirect_uri went missing): ours are appended
      StringBuilder url = new StringBuilder(p.authorizeURL(new OAuth2AuthorizationURL().setRedirectUri(redirectUri)
          .setScopes(scopes).setState(state).setCodeChallenge(Randoms.s256(verifier))
          .setCodeChallengeMethod("S256")));
      java.util.Map<String, String> params = new java.util.TreeMap<>(extra);
      params.put("nonce", nonce);
      params.put("response_mode", "query");
      params.forEach((k, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(k).append('=')
          .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
      return url.toString();
    });
  }

  public Future<Tokens> redeem(String code, String redirectUri, String verifier) {
    return provider().compose(p -> p.authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE)
        .setCode(code).setRedirectUri(redirectUri).setCodeVerifier(verifier)))
        .transform(ar -> ar.succeeded() ? Future.succeededFuture(tokens(ar.result().principal()))
            : Future.failedFuture(classify(ar.cause())));
  }

  public Future<Tokens> refresh(String refreshToken) {
    User user = User.create(new JsonObject().put("refresh_token", refreshToken));
    return provider().compose(p -> p.refresh(user))
        .transform(ar -> ar.succeeded() ? Future.succeededFuture(tokens(ar.result().principal()))
            : Future.failedFuture(classify(ar.cause())));
  }

  /** Entra's sign-out URL, or null when the tenant publishes none. */
  public Future<String> endSessionUrl(String idTokenHint, String postLogoutRedirectUri) {
    return provider().map(p -> {
      JsonObject params = new JsonObject().put("post_logout_redirect_uri", postLogoutRedirectUri)
          .put("client_id", tenant.clientId());
      User u = User.create(new JsonObject().put("id_token", idTokenHint == null ? "" : idTokenHint));
      return p.endSessionURL(u, params);
    });
  }

  private Tokens tokens(JsonObject principal) {
    long expiresIn = principal.getValue("expires_in") instanceof Number n ? n.longValue() : 0;
    return new Tokens(principal.getString("access_token"), principal.getString("refresh_token"),
        principal.getString("id_token"), clock.instant().plusSeconds(expiresIn));
  }

  private static Throwable classify(Throwable t) {
    String m = String.valueOf(t.getMessage());
    if (m.contains("invalid_grant") || m.contains("interaction_required") || m.contains("invalid_request")
        || m.contains("AADSTS")) {
      return new GrantRefused(m);
    }
    return t;
  }
}
