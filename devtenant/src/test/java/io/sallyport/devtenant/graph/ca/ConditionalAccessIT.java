package io.sallyport.devtenant.graph.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.AuthenticationContextClassReference;
import com.microsoft.graph.models.ConditionalAccessApplications;
import com.microsoft.graph.models.ConditionalAccessConditionSet;
import com.microsoft.graph.models.ConditionalAccessGrantControl;
import com.microsoft.graph.models.ConditionalAccessGrantControls;
import com.microsoft.graph.models.ConditionalAccessPolicy;
import com.microsoft.graph.models.ConditionalAccessPolicyState;
import com.microsoft.graph.models.ConditionalAccessUsers;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.sallyport.devtenant.graph.directory.DirectoryFixture;
import io.sallyport.devtenant.graph.directory.DocumentedShape;
import io.sallyport.devtenant.harness.GraphSdk;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionalAccessIT extends DirectoryFixture {

  /** §3.5: graph-docs conditionalaccessroot-list-authenticationcontextclassreferences.md. */
  static final String AUTH_CONTEXTS = """
      {"@odata.context": "https://graph.microsoft.com/beta/$metadata#/conditionalAccess/authenticationContextClassReferences",
       "value": [{"id": "c1", "displayName": "Contoso trusted locations",
                  "description": "Access is only allowed from trusted locations", "isAvailable": true}]}""";

  /** §3.6 (documented v1.0 example) with the live members the reference lists as added since. */
  static final String POLICIES = """
      {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#conditionalAccess/policies",
       "value": [{"id": "ad8d2b4a-8d30-413f-88b8-144c6c8d98d9", "displayName": "SimplePolicy1",
         "createdDateTime": null, "modifiedDateTime": null, "state": "disabled", "sessionControls": null,
         "conditions": {"signInRiskLevels": [], "clientAppTypes": ["all"], "platforms": null, "locations": null,
           "applications": {"includeApplications": ["None"], "excludeApplications": [], "includeUserActions": []},
           "users": {"includeUsers": ["None"], "excludeUsers": [], "includeGroups": [], "excludeGroups": [],
                     "includeRoles": [], "excludeRoles": []}},
         "grantControls": {"operator": "OR", "builtInControls": ["block"], "customAuthenticationFactors": [],
                           "termsOfUse": []}}]}""";

  @Test
  void authContextsCanBeListedFilteredUpsertedAndDeleted() {
    var refs = app.identity().conditionalAccess().authenticationContextClassReferences();
    assertThat(refs.get().getValue()).extracting(AuthenticationContextClassReference::getId).containsExactly("c1", "c2");
    assertThat(refs.get(rc -> rc.queryParameters.filter = "id eq 'c2'").getValue())
        .extracting(AuthenticationContextClassReference::getDisplayName).containsExactly("Privileged access terms");
    AuthenticationContextClassReference c7 = new AuthenticationContextClassReference();
    c7.setDisplayName("Contoso medium");
    c7.setDescription("Medium protection level defined for Contoso policy");
    c7.setIsAvailable(true);
    refs.byAuthenticationContextClassReferenceId("c7").patch(c7);
    assertThat(refs.byAuthenticationContextClassReferenceId("c7").get().getIsAvailable()).isTrue();
    assertThat(refs.get(rc -> rc.queryParameters.filter = "isAvailable eq true").getValue()).hasSize(3);
    assertThat(t.tenant().context().state().authContexts.find("c7")).isPresent();
    refs.byAuthenticationContextClassReferenceId("c7").delete();
    assertThatThrownBy(() -> refs.byAuthenticationContextClassReferenceId("c7").get())
        .isInstanceOfSatisfying(ODataError.class, e -> {
          assertThat(e.getResponseStatusCode()).isEqualTo(404);
          assertThat(e.getError().getCode()).isEqualTo("Request_ResourceNotFound");
        });
    assertThatThrownBy(() -> refs.byAuthenticationContextClassReferenceId("c100").patch(c7))
        .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
  }

  @Test
  void rawAuthContextAndPolicyBodiesHaveTheDocumentedShapes() {
    String token = http.appToken("Sallyport", List.of("Policy.Read.ConditionalAccess"));
    JsonObject list = http.get("/identity/conditionalAccess/authenticationContextClassReferences", token)
        .bodyAsJsonObject();
    DocumentedShape.assertSameKeys(list, AUTH_CONTEXTS, Set.of());
    assertThat(list.getString("@odata.context")).isEqualTo(t.baseUrl()
        + "/v1.0/$metadata#identity/conditionalAccess/authenticationContextClassReferences");
    JsonObject policies = http.get("/identity/conditionalAccess/policies", token).bodyAsJsonObject();
    JsonObject documented = new JsonObject(POLICIES);
    JsonObject p = documented.getJsonArray("value").getJsonObject(0);
    p.put("templateId", null).put("partialEnablementStrategy", null);
    p.getJsonObject("conditions").put("userRiskLevels", List.of()).put("servicePrincipalRiskLevels", List.of())
        .put("times", null).put("deviceStates", null).put("devices", null).put("clientApplications", null);
    p.getJsonObject("conditions").getJsonObject("applications")
        .put("includeAuthenticationContextClassReferences", List.of("c1")).put("applicationFilter", null);
    p.getJsonObject("conditions").getJsonObject("users").put("includeGuestsOrExternalUsers", null)
        .put("excludeGuestsOrExternalUsers", null);
    p.getJsonObject("grantControls").put("authenticationStrength", null);
    DocumentedShape.assertSameKeys(policies, documented.encode(), Set.of());
    assertThat(http.get("/identity/conditionalAccess/policies?$filter=" + q("state eq 'enabled'") + "&$top=1"
        + "&$select=displayName", token).bodyAsJsonObject().getString("@odata.nextLink")).contains("$skiptoken=");
  }

  private static ConditionalAccessPolicy mfaForContext(String name, String context) {
    ConditionalAccessPolicy p = new ConditionalAccessPolicy();
    p.setDisplayName(name);
    p.setState(ConditionalAccessPolicyState.Enabled);
    ConditionalAccessConditionSet conditions = new ConditionalAccessConditionSet();
    ConditionalAccessApplications apps = new ConditionalAccessApplications();
    apps.setIncludeAuthenticationContextClassReferences(List.of(context));
    conditions.setApplications(apps);
    ConditionalAccessUsers users = new ConditionalAccessUsers();
    users.setIncludeUsers(List.of("All"));
    conditions.setUsers(users);
    p.setConditions(conditions);
    ConditionalAccessGrantControls grant = new ConditionalAccessGrantControls();
    grant.setOperator("OR");
    grant.setBuiltInControls(List.of(ConditionalAccessGrantControl.Mfa));
    p.setGrantControls(grant);
    return p;
  }

  @Test
  void policiesCrudThroughTheSdkReachTheStateTheSignInPageReads() {
    var policies = app.identity().conditionalAccess().policies();
    ConditionalAccessPolicy created = policies.post(mfaForContext("MFA for c2 via SDK", "c2"));
    assertThat(created.getId()).isNotBlank();
    assertThat(created.getCreatedDateTime()).isNotNull();
    JsonObject stored = t.tenant().context().state().policies.find(created.getId()).orElseThrow();
    assertThat(stored.getJsonObject("conditions").getJsonObject("applications")
        .getJsonArray("includeAuthenticationContextClassReferences")).containsExactly("c2");
    assertThat(stored.getJsonObject("grantControls").getJsonArray("builtInControls")).containsExactly("mfa");

    ConditionalAccessPolicy patch = new ConditionalAccessPolicy();
    patch.setState(ConditionalAccessPolicyState.Disabled);
    policies.byConditionalAccessPolicyId(created.getId()).patch(patch);
    ConditionalAccessPolicy after = policies.byConditionalAccessPolicyId(created.getId()).get();
    assertThat(after.getState()).isEqualTo(ConditionalAccessPolicyState.Disabled);
    assertThat(after.getModifiedDateTime()).isNotNull();
    assertThat(after.getGrantControls().getBuiltInControls()).containsExactly(ConditionalAccessGrantControl.Mfa);
    assertThat(policies.get(rc -> rc.queryParameters.filter = "displayName eq 'MFA for c2 via SDK'").getValue())
        .hasSize(1);
    policies.byConditionalAccessPolicyId(created.getId()).delete();
    assertThat(t.tenant().context().state().policies.find(created.getId())).isEmpty();
    assertThatThrownBy(() -> policies.byConditionalAccessPolicyId(created.getId()).get())
        .isInstanceOfSatisfying(ODataError.class,
            e -> assertThat(e.getError().getCode()).isEqualTo("Request_ResourceNotFound"));
  }

  @Test
  void invalidPoliciesGetPreciseErrors() {
    String token = http.appToken("Sallyport", List.of("Policy.ReadWrite.ConditionalAccess"));
    String path = "/identity/conditionalAccess/policies";
    JsonObject valid = new JsonObject().put("displayName", "p").put("state", "enabled")
        .put("conditions", new JsonObject().put("applications", new JsonObject().put("includeApplications",
            List.of("All"))).put("users", new JsonObject().put("includeUsers", List.of("All"))))
        .put("grantControls", new JsonObject().put("operator", "OR").put("builtInControls", List.of("mfa")));
    assertThat(http.send(HttpMethod.POST, path, token, null, valid).statusCode()).isEqualTo(201);
    assertThat(error(http.send(HttpMethod.POST, path, token, null, valid.copy().put("state", "on"))))
        .isEqualTo("Property 'state' must be one of enabled, disabled, enabledForReportingButNotEnforced; got 'on'.");
    assertThat(error(http.send(HttpMethod.POST, path, token, null, copyWithout(valid, "grantControls"))))
        .isEqualTo("Property 'grantControls' is required.");
    assertThat(error(http.send(HttpMethod.POST, path, token, null, copyWithout(valid, "conditions"))))
        .startsWith("Property 'conditions' is required");
    assertThat(error(http.send(HttpMethod.POST, path, token, null, copyWithout(valid, "displayName"))))
        .startsWith("Property 'displayName' is required");
    assertThat(error(http.send(HttpMethod.POST, path, token, null, valid.copy().put("priority", 1))))
        .isEqualTo("Property 'priority' does not exist on type 'microsoft.graph.conditionalAccessPolicy'.");
    assertThat(error(http.send(HttpMethod.POST, path, token, null, valid.copy().put("grantControls",
        new JsonObject().put("operator", "OR").put("builtInControls", List.of("prayer"))))))
        .startsWith("Invalid value 'prayer' in 'grantControls.builtInControls'");
  }

  @Test
  void permissionsAreEnforced() {
    String readOnly = http.appToken("Sallyport", List.of("Policy.Read.ConditionalAccess"));
    assertThat(http.get("/identity/conditionalAccess/policies", readOnly).statusCode()).isEqualTo(200);
    var write = http.send(HttpMethod.PATCH, "/identity/conditionalAccess/authenticationContextClassReferences/c9",
        readOnly, null, new JsonObject().put("displayName", "x"));
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(write.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("Authorization_RequestDenied");
    GraphServiceClient cli = GraphSdk.appOnly(t, "Demo CLI");
    assertThatThrownBy(() -> cli.identity().conditionalAccess().policies().get())
        .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(403));
  }

  private static JsonObject copyWithout(JsonObject o, String key) {
    JsonObject c = o.copy();
    c.remove(key);
    return c;
  }

  private static String error(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> r) {
    assertThat(r.statusCode()).isEqualTo(400);
    return r.bodyAsJsonObject().getJsonObject("error").getString("message");
  }
}
