package io.sallyport.devtenant.harness;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import io.sallyport.devtenant.state.AppRegistration;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.Audience;
import io.sallyport.devtenant.token.AuthFacts;
import io.sallyport.devtenant.token.TokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import reactor.core.publisher.Mono;

/**
 * The Microsoft Graph SDK v6 pointed at devtenant with nothing but configuration: the base URL, the
 * allowed host, the trust store. App-only tokens come from devtenant's token endpoint through
 * msal4j; delegated tokens with chosen sign-in facts (amr, acrs, cp1) are minted by devtenant's
 * issuer in-process, since a test needs exact facts without driving the sign-in pages each time.
 */
public final class GraphSdk {

  private GraphSdk() {}

  /**
   * App-only, exactly as production code gets it: msal4j's client-credentials grant against
   * devtenant's token endpoint (tenant authority, the app's secret, a trust store), nothing in-process.
   */
  public static GraphServiceClient appOnly(RunningDevTenant t, String appName) {
    var spec = t.app(appName);
    ConfidentialClientApplication msal;
    try {
      msal = ConfidentialClientApplication.builder(spec.appId(),
              ClientCredentialFactory.createFromSecret(spec.secrets().get(0)))
          .oidcAuthority(t.baseUrl() + "/" + t.tenantId() + "/v2.0")
          .sslSocketFactory(t.sslContext().getSocketFactory()).build();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    return client(t, () -> {
      try {
        return msal.acquireToken(ClientCredentialParameters.builder(Set.of("https://graph.microsoft.com/.default"))
            .build()).get().accessToken();
      } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("devtenant refused the client-credentials grant", e);
      }
    });
  }

  /** Delegated: {@code scopes} become scp; {@code facts} says how the user signed in (amr, acrs, cp1). */
  public static GraphServiceClient delegated(RunningDevTenant t, String appName, String upnPrefix,
      List<String> scopes, AuthFacts facts) {
    AppRegistration app = app(t, appName);
    User user = t.tenant().context().state().userByIdOrUpn(t.user(upnPrefix).upn()).orElseThrow();
    return client(t, () -> mint(t, app, user, scopes, facts));
  }

  public static AuthFacts mfa(RunningDevTenant t, String... acrs) {
    return new AuthFacts(List.of("pwd", "mfa"), List.of(acrs), t.now(), "sid-test", null, List.of());
  }

  public static AuthFacts passwordOnly(RunningDevTenant t) {
    return new AuthFacts(List.of("pwd"), List.of(), t.now(), "sid-test", null, List.of());
  }

  public static AppRegistration app(RunningDevTenant t, String name) {
    return t.tenant().context().state().apps.where(a -> a.name().equals(name)).get(0);
  }

  /** A Graph token minted in-process: for {@code user} through {@code app}, or app-only when user is null. */
  public static String mint(RunningDevTenant t, AppRegistration app, User user, List<String> perms, AuthFacts facts) {
    TokenIssuer issuer = t.tenant().context().issuer();
    Instant now = t.now();
    var claims = issuer.accessClaims(app, user, Audience.graph(), perms, facts, "1", now, Duration.ofHours(1));
    return issuer.sign(claims, true, true);
  }

  private static GraphServiceClient client(RunningDevTenant t, java.util.function.Supplier<String> tokens) {
    return withCredential(t, new TokenCredential() {
      @Override
      public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromSupplier(() -> new AccessToken(tokens.get(), OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
      }
    });
  }

  /** The SDK with any azure-core credential: for tests that watch what Kiota asks the credential for. */
  public static GraphServiceClient withCredential(RunningDevTenant t, TokenCredential credential) {
    var auth = new AzureIdentityAuthenticationProvider(credential, new String[] {"localhost"},
        "https://graph.microsoft.com/.default");
    OkHttpClient http = GraphClientFactory.create().sslSocketFactory(t.sslContext().getSocketFactory(),
        t.trustManager()).build();
    GraphServiceClient client = new GraphServiceClient(auth, http);
    client.getRequestAdapter().setBaseUrl(t.tenant().graphBaseUrl());
    return client;
  }
}
