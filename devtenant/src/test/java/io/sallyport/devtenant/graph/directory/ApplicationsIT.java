package io.sallyport.devtenant.graph.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.applications.item.addpassword.AddPasswordPostRequestBody;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.PasswordCredential;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.WebApplication;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.GraphSdk;
import io.sallyport.devtenant.state.AppRegistration;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationsIT extends DirectoryFixture {

  /** §8.1: graph-docs application-post-applications.md, the 201 body. */
  static final String CREATED_APP = """
      {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications/$entity",
       "id": "03ef14b0-ca33-4840-8f4f-d6e91916010e", "deletedDateTime": null, "isFallbackPublicClient": null,
       "appId": "631a96bc-a705-4eda-9f99-fdaf9f54f6a2", "applicationTemplateId": null, "identifierUris": [],
       "createdDateTime": "2019-09-17T19:10:35.2742618Z", "displayName": "Display name",
       "isDeviceOnlyAuthSupported": null, "groupMembershipClaims": null, "optionalClaims": null, "addIns": [],
       "publisherDomain": "contoso.onmicrosoft.com", "samlMetadataUrl": "https://graph.microsoft.com/2h5hjaj542de/app",
       "signInAudience": "AzureADandPersonalMicrosoftAccount", "tags": [], "tokenEncryptionKeyId": null,
       "api": {"requestedAccessTokenVersion": 2, "acceptMappedClaims": null, "knownClientApplications": [],
               "oauth2PermissionScopes": [], "preAuthorizedApplications": []},
       "appRoles": [], "publicClient": {"redirectUris": []},
       "info": {"termsOfServiceUrl": null, "supportUrl": null, "privacyStatementUrl": null, "marketingUrl": null,
                "logoUrl": null},
       "keyCredentials": [], "parentalControlSettings": {"countriesBlockedForMinors": [], "legalAgeGroupRule": "Allow"},
       "passwordCredentials": [], "requiredResourceAccess": [],
       "web": {"redirectUris": [], "homePageUrl": null, "logoutUrl": null,
               "implicitGrantSettings": {"enableIdTokenIssuance": false, "enableAccessTokenIssuance": false}}}""";

  /** §8.1: the addPassword 200 body. */
  static final String ADDED_PASSWORD = """
      {"customKeyIdentifier": null, "endDateTime": "2021-09-09T19:50:29.3086381Z",
       "keyId": "f0b0b335-1d71-4883-8f98-567911bfdca6", "startDateTime": "2019-09-09T19:50:29.3086381Z",
       "secretText": "[6gyXA5S20@MN+WRXAJ]I-TO7g1:h2P8", "hint": "[6g", "displayName": "Password friendly name"}""";

  /** §8.2: graph-docs serviceprincipal-post-serviceprincipals.md, the 201 body. */
  static final String CREATED_SP = """
      {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity",
       "id": "59e617e5-e447-4adc-8b88-00af644d7c92", "deletedDateTime": null, "accountEnabled": true,
       "appDisplayName": "My App", "appId": "65415bb1-9267-4313-bbf5-ae259732ee12",
       "appOwnerOrganizationId": "1bc1c026-2f7b-48a5-98da-afa2fd8bc7bc", "appRoleAssignmentRequired": false,
       "displayName": "foo", "homepage": null, "logoutUrl": null, "publisherName": "Contoso", "replyUrls": [],
       "servicePrincipalNames": ["f1bd758f-4a1a-4b71-aa20-a248a22a8928"], "tags": [], "addIns": [], "appRoles": [],
       "info": {"termsOfServiceUrl": null, "supportUrl": null, "privacyStatementUrl": null, "marketingUrl": null,
                "logoUrl": null},
       "keyCredentials": [], "oauth2PermissionScopes": [], "passwordCredentials": []}""";

  /** Members live Graph serves beyond the truncated §8.1 example. */
  static final Set<String> APP_EXTRAS = Set.of("description", "notes", "serviceManagementReference", "spa");

  private static Application named(String name) {
    Application a = new Application();
    a.setDisplayName(name);
    return a;
  }

  @Test
  void createsReadsUpdatesAnApplicationThroughTheSdk() {
    Application created = app.applications().post(named("Created by SDK"));
    assertThat(created.getId()).isNotBlank().isNotEqualTo(created.getAppId());
    assertThat(created.getSignInAudience()).isEqualTo("AzureADandPersonalMicrosoftAccount");
    assertThat(created.getPublisherDomain()).isEqualTo(t.scenario().tenant().domain());
    assertThat(app.applications().byApplicationId(created.getId()).get().getDisplayName()).isEqualTo("Created by SDK");
    assertThat(app.applicationsWithAppId(created.getAppId()).get().getId()).isEqualTo(created.getId());

    Application patch = new Application();
    WebApplication web = new WebApplication();
    web.setRedirectUris(List.of("https://app.example/callback"));
    patch.setWeb(web);
    patch.setIdentifierUris(List.of("api://" + created.getAppId()));
    app.applications().byApplicationId(created.getId()).patch(patch);
    Application after = app.applications().byApplicationId(created.getId()).get();
    assertThat(after.getWeb().getRedirectUris()).containsExactly("https://app.example/callback");
    assertThat(after.getWeb().getImplicitGrantSettings().getEnableIdTokenIssuance()).isFalse(); // merged, kept
    AppRegistration stored = t.tenant().context().state().appByAppIdOrUri("api://" + created.getAppId()).orElseThrow();
    assertThat(stored.redirectUris()).containsExactly("https://app.example/callback");

    assertThat(app.applications().get(rc -> rc.queryParameters.filter = "appId eq '" + created.getAppId() + "'")
        .getValue()).extracting(Application::getId).containsExactly(created.getId());
  }

  @Test
  void addPasswordReturnsTheSecretOnceAndTheTokenEndpointWillAcceptIt() {
    Application created = app.applications().post(named("Needs a secret"));
    AddPasswordPostRequestBody body = new AddPasswordPostRequestBody();
    PasswordCredential asked = new PasswordCredential();
    asked.setDisplayName("ci secret");
    body.setPasswordCredential(asked);
    PasswordCredential secret = app.applications().byApplicationId(created.getId()).addPassword().post(body);
    assertThat(secret.getSecretText()).hasSize(40);
    assertThat(secret.getHint()).isEqualTo(secret.getSecretText().substring(0, 3));
    assertThat(secret.getEndDateTime()).isAfter(secret.getStartDateTime().plusYears(1));
    AppRegistration stored = t.tenant().context().state().apps.find(created.getAppId()).orElseThrow();
    assertThat(stored.secrets()).containsExactly(secret.getSecretText());
    Application after = app.applications().byApplicationId(created.getId()).get();
    assertThat(after.getPasswordCredentials()).singleElement().satisfies(p -> {
      assertThat(p.getKeyId()).isEqualTo(secret.getKeyId());
      assertThat(p.getSecretText()).isNull(); // returned once only
      assertThat(p.getDisplayName()).isEqualTo("ci secret");
    });
  }

  @Test
  void anAppRegisteredThroughGraphGetsTokensOnceItHasAServicePrincipal() {
    Application created = app.applications().post(named("Registered by a script"));
    AddPasswordPostRequestBody body = new AddPasswordPostRequestBody();
    body.setPasswordCredential(new PasswordCredential());
    String secret = app.applications().byApplicationId(created.getId()).addPassword().post(body).getSecretText();
    var form = io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")
        .add("client_id", created.getAppId()).add("client_secret", secret)
        .add("scope", "https://graph.microsoft.com/.default");
    String tokenUrl = t.baseUrl() + "/" + t.tenantId() + "/oauth2/v2.0/token";
    var before = io.sallyport.devtenant.harness.Await.result(t.client().postAbs(tokenUrl).sendForm(form));
    assertThat(before.statusCode()).isEqualTo(401);
    assertThat(before.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
    assertThat(before.bodyAsJsonObject().getJsonArray("error_codes").getLong(0)).isEqualTo(7000229L);
    ServicePrincipal sp = new ServicePrincipal();
    sp.setAppId(created.getAppId());
    app.servicePrincipals().post(sp);
    var after = io.sallyport.devtenant.harness.Await.result(t.client().postAbs(tokenUrl).sendForm(form));
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.bodyAsJsonObject().getString("access_token")).isNotBlank();
  }

  @Test
  void servicePrincipalsAreCreatedOncePerKnownApp() {
    Application created = app.applications().post(named("Needs a principal"));
    ServicePrincipal sp = new ServicePrincipal();
    sp.setAppId(created.getAppId());
    ServicePrincipal made = app.servicePrincipals().post(sp);
    assertThat(made.getAppDisplayName()).isEqualTo("Needs a principal");
    assertThat(made.getAppOwnerOrganizationId()).hasToString(t.tenantId());
    assertThat(made.getServicePrincipalNames()).contains(created.getAppId());
    assertThat(app.servicePrincipals().byServicePrincipalId(made.getId()).get().getAppId())
        .isEqualTo(created.getAppId());
    assertThat(app.servicePrincipalsWithAppId(created.getAppId()).get().getId()).isEqualTo(made.getId());
    assertThat(app.servicePrincipals().get().getValue()).extracting(ServicePrincipal::getAppId)
        .contains(created.getAppId(), t.app("Sallyport").appId());

    ServicePrincipal again = new ServicePrincipal();
    again.setAppId(created.getAppId());
    assertThatThrownBy(() -> app.servicePrincipals().post(again)).isInstanceOfSatisfying(ODataError.class, e -> {
      assertThat(e.getResponseStatusCode()).isEqualTo(409);
      assertThat(e.getError().getCode()).isEqualTo("Request_MultipleObjectsWithSameKeyValue");
    });
    ServicePrincipal unknown = new ServicePrincipal();
    unknown.setAppId("11111111-2222-3333-4444-555555555555");
    assertThatThrownBy(() -> app.servicePrincipals().post(unknown)).isInstanceOfSatisfying(ODataError.class, e -> {
      assertThat(e.getResponseStatusCode()).isEqualTo(400);
      assertThat(e.getError().getCode()).isEqualTo("Request_BadRequest");
      assertThat(e.getError().getMessage()).contains("11111111-2222-3333-4444-555555555555");
    });
  }

  @Test
  void rawBodiesHaveTheDocumentedShapes() {
    String token = http.appToken("Sallyport", List.of("Application.ReadWrite.All"));
    var created = http.send(HttpMethod.POST, "/applications", token, null, new JsonObject().put("displayName", "Raw"));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject appJson = created.bodyAsJsonObject();
    DocumentedShape.assertSameKeys(appJson, CREATED_APP, APP_EXTRAS);
    assertThat(appJson.getString("@odata.context")).isEqualTo(t.baseUrl() + "/v1.0/$metadata#applications/$entity");

    var password = http.send(HttpMethod.POST, "/applications/" + appJson.getString("id") + "/addPassword", token, null,
        new JsonObject().put("passwordCredential", new JsonObject().put("displayName", "Password friendly name")));
    assertThat(password.statusCode()).isEqualTo(200);
    DocumentedShape.assertSameKeys(password.bodyAsJsonObject(), ADDED_PASSWORD, Set.of("@odata.context"));

    var sp = http.send(HttpMethod.POST, "/servicePrincipals", token, null,
        new JsonObject().put("appId", appJson.getString("appId")));
    assertThat(sp.statusCode()).isEqualTo(201);
    // servicePrincipalType is in the live resource, not in the documented example
    DocumentedShape.assertSameKeys(sp.bodyAsJsonObject(), CREATED_SP, Set.of("servicePrincipalType"));

    var byAppId = http.get("/applications(appId='" + appJson.getString("appId") + "')", token);
    assertThat(byAppId.statusCode()).isEqualTo(200);
    assertThat(byAppId.bodyAsJsonObject().getString("id")).isEqualTo(appJson.getString("id"));
  }

  @Test
  void writesAreValidated() {
    String token = http.appToken("Sallyport", List.of("Application.ReadWrite.All"));
    var unknown = http.send(HttpMethod.POST, "/applications", token, null,
        new JsonObject().put("displayName", "x").put("colour", "blue"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    JsonObject error = unknown.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("Request_BadRequest");
    assertThat(error.getString("message")).isEqualTo("Property 'colour' does not exist on type"
        + " 'microsoft.graph.application'.");
    var nested = http.send(HttpMethod.POST, "/applications", token, null,
        new JsonObject().put("displayName", "x").put("web", new JsonObject().put("redirectUri", "https://x")));
    assertThat(nested.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("Property 'redirectUri' does not exist on type 'microsoft.graph.webApplication'.");
    var noName = http.send(HttpMethod.POST, "/applications", token, null, new JsonObject());
    assertThat(noName.statusCode()).isEqualTo(400);
    var malformed = Await.result(t.client().postAbs(t.baseUrl() + "/v1.0/applications").putHeader("Authorization",
        "Bearer " + token).putHeader("Content-Type", "application/json").sendBuffer(io.vertx.core.buffer.Buffer.buffer(
            "{\"displayName\":")));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("BadRequest");
    var readOnly = http.send(HttpMethod.PATCH, "/applications/" + t.app("Sallyport").objectId(), token, null,
        new JsonObject().put("appId", "changed"));
    assertThat(readOnly.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("Property 'appId' is read-only and cannot be set.");
    assertThat(http.get("/applications/00000000-0000-0000-0000-000000000001", token).statusCode()).isEqualTo(404);
  }

  @Test
  void applicationPermissionsAreEnforced() {
    GraphServiceClient cli = GraphSdk.appOnly(t, "Demo CLI"); // User.Read.All only
    assertThatThrownBy(() -> cli.applications().get()).isInstanceOfSatisfying(ODataError.class,
        e -> assertThat(e.getResponseStatusCode()).isEqualTo(403));
    assertThatThrownBy(() -> cli.applications().post(named("nope"))).isInstanceOfSatisfying(ODataError.class,
        e -> assertThat(e.getError().getCode()).isEqualTo("Authorization_RequestDenied"));
    // OwnedBy reaches only what the caller created
    String ownedBy = http.appToken("Demo CLI", List.of("Application.ReadWrite.OwnedBy"));
    var mine = http.send(HttpMethod.POST, "/applications", ownedBy, null, new JsonObject().put("displayName", "Mine"));
    assertThat(mine.statusCode()).isEqualTo(201);
    assertThat(http.get("/applications/" + mine.bodyAsJsonObject().getString("id"), ownedBy).statusCode())
        .isEqualTo(200);
    assertThat(http.get("/applications/" + t.app("Sallyport").objectId(), ownedBy).statusCode()).isEqualTo(403);
    assertThat(http.get("/applications", ownedBy).bodyAsJsonObject().getJsonArray("value")).hasSize(1);
    String readOnly = http.appToken("Demo CLI", List.of("Application.Read.All"));
    assertThat(http.send(HttpMethod.POST, "/applications", readOnly, null, new JsonObject().put("displayName", "r"))
        .statusCode()).isEqualTo(403);
  }
}
