package io.sallyport.devtenant.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.ClaimsRequest;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.OnBehalfOfParameters;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.UserAssertion;
import com.microsoft.aad.msal4j.UserNamePasswordParameters;
import io.sallyport.devtenant.crypto.Certificates;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** msal4j 1.26 against devtenant with nothing but configuration. */
class MsalIT {

  static final String CERT_APP = "0c0a0b0d-1111-4222-8333-944445555666";
  static final String PUBLIC_APP = "0d0a0b0d-1111-4222-8333-944445555777";
  static final Set<String> GRAPH = Set.of("https://graph.microsoft.com/.default");
  static RunningDevTenant t;
  static KeyPair keys;
  static X509Certificate cert;
  static final List<JsonObject> tokenRequests = new CopyOnWriteArrayList<>();
  static final List<String> realmLookups = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    keys = Certificates.rsaKeyPair();
    cert = Certificates.selfSigned(keys, "msal test client", List.of(), List.of(),
        java.time.Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30));
    String pem = Certificates.pem(cert).strip().replace("\n", "\n      ");
    String extra = "apps:\n"
        + "  - name: Cert App\n    client-id: " + CERT_APP + "\n    access-token-version: 2\n"
        + "    graph-permissions: [User.Read.All]\n    certificate: |\n      " + pem + "\n"
        + "  - name: Public CLI\n    client-id: " + PUBLIC_APP + "\n    public-client: true\n"
        + "    redirect-uris: [http://localhost]\n";
    t = RunningDevTenant.start(Files.readString(RunningDevTenant.DEMO).replaceFirst("(?m)^apps:\n", extra));
    t.vertx().eventBus().<JsonObject>consumer(TokenRoutes.EVENTS, m -> tokenRequests.add(m.body()));
    t.vertx().eventBus().<String>consumer(MsalRoutes.USER_REALM_EVENTS, m -> realmLookups.add(m.body()));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static ConfidentialClientApplication oidc(String clientId, IClientCredential credential) throws Exception {
    return ConfidentialClientApplication.builder(clientId, credential)
        .oidcAuthority(t.baseUrl() + "/" + t.tenantId() + "/v2.0")
        .sslSocketFactory(t.sslContext().getSocketFactory()).build();
  }

  static ConfidentialClientApplication aad(String clientId, IClientCredential credential) throws Exception {
    return ConfidentialClientApplication.builder(clientId, credential)
        .authority(t.baseUrl() + "/" + t.tenantId() + "/").instanceDiscovery(false)
        .sslSocketFactory(t.sslContext().getSocketFactory()).build();
  }

  static String sallyport() {
    return t.app("Sallyport").appId();
  }

  static IClientCredential secret() {
    return ClientCredentialFactory.createFromSecret(t.app("Sallyport").secrets().get(0));
  }

  static long requests(String grant, String client) throws InterruptedException {
    Thread.sleep(200);
    return tokenRequests.stream().filter(r -> r.getString("grant_type").equals(grant)
        && r.getString("client_id").equals(client)).count();
  }

  @Test
  void clientCredentialsWithASecretThroughOidcAuthorityHitsTheCacheTheSecondTime() throws Exception {
    var app = oidc(sallyport(), secret());
    long before = requests("client_credentials", sallyport());
    IAuthenticationResult first = app.acquireToken(ClientCredentialParameters.builder(GRAPH).build()).get();
    JsonObject claims = Browser.payload(first.accessToken());
    assertThat(claims.getString("aud")).isEqualTo("https://graph.microsoft.com");
    assertThat(claims.getJsonArray("roles").getList()).contains("User.Read.All", "Agreement.Read.All");
    assertThat(claims.getString("appidacr")).isEqualTo("1");
    IAuthenticationResult second = app.acquireToken(ClientCredentialParameters.builder(GRAPH).build()).get();
    assertThat(second.accessToken()).isEqualTo(first.accessToken());
    assertThat(requests("client_credentials", sallyport()) - before).isEqualTo(1);
  }

  @Test
  void clientCredentialsWithASecretThroughTheAadAuthority() throws Exception {
    IAuthenticationResult r = aad(sallyport(), secret())
        .acquireToken(ClientCredentialParameters.builder(Set.of("api://sallyport/.default")).build()).get();
    JsonObject claims = Browser.payload(r.accessToken());
    assertThat(claims.getString("aud")).isEqualTo(sallyport());
    assertThat(claims.getString("iss")).isEqualTo(t.baseUrl() + "/" + t.tenantId() + "/v2.0");
  }

  @Test
  void clientCredentialsWithACertificateBothWays() throws Exception {
    var credential = ClientCredentialFactory.createFromCertificate(keys.getPrivate(), cert);
    for (var app : List.of(oidc(CERT_APP, credential), aad(CERT_APP, credential))) {
      IAuthenticationResult r = app.acquireToken(ClientCredentialParameters.builder(GRAPH).build()).get();
      JsonObject claims = Browser.payload(r.accessToken());
      assertThat(claims.getString("appid")).isEqualTo(CERT_APP);
      assertThat(claims.getString("appidacr")).isEqualTo("2");
    }
    KeyPair other = Certificates.rsaKeyPair();
    var forged = ClientCredentialFactory.createFromCertificate(other.getPrivate(), cert);
    assertThatThrownBy(() -> oidc(CERT_APP, forged).acquireToken(ClientCredentialParameters.builder(GRAPH).build())
        .get()).hasCauseInstanceOf(MsalServiceException.class).cause().hasMessageContaining("AADSTS700027");
  }

  @Test
  void aWrongSecretIsInvalidClient() throws Exception {
    var app = oidc(sallyport(), ClientCredentialFactory.createFromSecret("wrong"));
    assertThatThrownBy(() -> app.acquireToken(ClientCredentialParameters.builder(GRAPH).build()).get())
        .cause().isInstanceOfSatisfying(MsalServiceException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("invalid_client");
          assertThat(e.statusCode()).isEqualTo(401);
          assertThat(e.getMessage()).contains("AADSTS7000215");
        });
  }

  static IAuthenticationResult ropc(String user, String password, Set<String> scopes) throws Exception {
    var app = PublicClientApplication.builder(PUBLIC_APP).authority(t.baseUrl() + "/" + t.tenantId() + "/")
        .instanceDiscovery(false).sslSocketFactory(t.sslContext().getSocketFactory()).build();
    @SuppressWarnings("deprecation")
    var params = UserNamePasswordParameters.builder(scopes, t.user(user).upn(), password.toCharArray()).build();
    return app.acquireToken(params).get();
  }

  @Test
  void passwordGrantThroughUserRealmThenOnBehalfOfToGraph() throws Exception {
    IAuthenticationResult user = ropc("bob", "Bob-demo-1", Set.of("api://sallyport/access_as_user"));
    JsonObject api = Browser.payload(user.accessToken());
    assertThat(api.getString("aud")).isEqualTo(sallyport());
    assertThat(api.getString("azp")).isEqualTo(PUBLIC_APP);
    assertThat(api.getString("azpacr")).isEqualTo("0");
    assertThat(user.account().username()).isEqualTo(t.user("bob").upn());
    Thread.sleep(200);
    assertThat(realmLookups).contains(t.user("bob").upn());
    IAuthenticationResult graph = oidc(sallyport(), secret())
        .acquireToken(OnBehalfOfParameters.builder(GRAPH, new UserAssertion(user.accessToken())).build()).get();
    JsonObject g = Browser.payload(graph.accessToken());
    assertThat(g.getString("aud")).isEqualTo("https://graph.microsoft.com");
    assertThat(g.getString("oid")).isEqualTo(t.user("bob").id());
    assertThat(g.getString("appid")).isEqualTo(sallyport());
    assertThat(g.getJsonArray("amr").getList()).containsExactly("pwd");
    assertThat(g.getString("scp")).contains("AgreementAcceptance.Read");
  }

  @Test
  void onBehalfOfAskingForAnAuthContextThePasswordSignInLacksIsInteractionRequired() throws Exception {
    IAuthenticationResult user = ropc("alice", "Alice-demo-1", Set.of("api://sallyport/access_as_user"));
    var params = OnBehalfOfParameters.builder(GRAPH, new UserAssertion(user.accessToken()))
        .claims(ClaimsRequest.formatAsClaimsRequest("{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}"))
        .build();
    assertThatThrownBy(() -> oidc(sallyport(), secret()).acquireToken(params).get()).cause()
        .isInstanceOfSatisfying(MsalServiceException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("interaction_required");
          assertThat(e.getMessage()).startsWith("AADSTS50079");
          assertThat(new JsonObject(e.claims()).getJsonObject("access_token").getJsonObject("acrs")
              .getString("value")).isEqualTo("c1");
        });
  }

  @Test
  void passwordGrantWithAWrongPasswordIsInvalidGrant() {
    assertThatThrownBy(() -> ropc("bob", "wrong", Set.of("User.Read"))).cause()
        .isInstanceOfSatisfying(MsalServiceException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("invalid_grant");
          assertThat(e.getMessage()).contains("AADSTS50126");
        });
  }
}
