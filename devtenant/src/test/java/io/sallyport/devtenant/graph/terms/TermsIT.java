package io.sallyport.devtenant.graph.terms;

import io.sallyport.devtenant.harness.DemoGraphFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.Agreement;
import com.microsoft.graph.models.AgreementAcceptance;
import com.microsoft.graph.models.AgreementAcceptanceState;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.sallyport.devtenant.graph.pim.KeySets;
import io.sallyport.devtenant.graph.pim.RawGraph;
import io.sallyport.devtenant.harness.GraphSdk;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Terms of use through the Graph SDK v6 and raw JSON, on the demo scenario. */
class TermsIT extends DemoGraphFixture {

  static final String AGREEMENT = "3a8f6c2e-1b4d-4e9a-8c7f-5d2e1a0b9c84";
  static final JsonObject DOC_AGREEMENTS = new JsonObject("""
      {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#agreements",
          "value": [
              {
                  "id": "0ec9f6a6-159d-4dd8-a563-1f0b5935e80b",
                  "displayName": "All users terms of use",
                  "termsExpiration": null,
                  "userReacceptRequiredFrequency": "P90D",
                  "isViewingBeforeAcceptanceRequired": false,
                  "isPerDeviceAcceptanceRequired": false
              }
          ]
      }""");
  static final JsonObject DOC_ACCEPTANCES = new JsonObject("""
      {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#agreementAcceptances",
          "value": [
              {
                  "id": "94410bbf-3d3e-4683-8149-f034e55c39dd_d4bb5206-77bf-4d5c-96b4-cf7b0ed3be98",
                  "agreementId": "94410bbf-3d3e-4683-8149-f034e55c39dd",
                  "userId": "d4bb5206-77bf-4d5c-96b4-cf7b0ed3be98",
                  "deviceId": "00000000-0000-0000-0000-000000000000",
                  "deviceDisplayName": null,
                  "deviceOSType": null,
                  "deviceOSVersion": null,
                  "agreementFileId": "08033369-8972-42a3-8533-90bbd2757a01",
                  "userDisplayName": "Megan Bowen",
                  "userPrincipalName": "MeganB@Contoso.com",
                  "userEmail": "MeganB@Contoso.com",
                  "recordedDateTime": "2022-03-04T14:11:22.6658376Z",
                  "expirationDateTime": null,
                  "state": "accepted"
              }
          ]
      }""");

  static GraphServiceClient user(String name, String... scopes) {
    return GraphSdk.delegated(t, "Sallyport", name, List.of(scopes), GraphSdk.passwordOnly(t));
  }

  static int status(Runnable call) {
    try {
      call.run();
      return 200;
    } catch (ODataError e) {
      return e.getResponseStatusCode();
    }
  }

  @Test
  void agreementsMatchTheDocumentedShape() {
    var reply = RawGraph.get(t, RawGraph.appToken(t, "Sallyport"), "/identityGovernance/termsOfUse/agreements");
    assertThat(reply.status()).isEqualTo(200);
    KeySets.assertSameShape(reply.body(), DOC_AGREEMENTS);
    assertThat(reply.body().getJsonArray("value").getJsonObject(0).getString("userReacceptRequiredFrequency"))
        .isEqualTo("P90D");

    List<Agreement> viaSdk = app.identityGovernance().termsOfUse().agreements().get(rc -> {
      rc.queryParameters.filter = "displayName eq 'Privileged access terms'";
      rc.queryParameters.select = new String[] {"id", "displayName"};
      rc.queryParameters.top = 5;
    }).getValue();
    assertThat(viaSdk).singleElement().satisfies(a -> {
      assertThat(a.getId()).isEqualTo(AGREEMENT);
      assertThat(a.getUserReacceptRequiredFrequency()).isNull();
    });
    Agreement one = app.identityGovernance().termsOfUse().agreements().byAgreementId(AGREEMENT).get();
    assertThat(one.getUserReacceptRequiredFrequency().toString()).isEqualTo("P90D");
    assertThat(one.getTermsExpiration()).isNull();
    assertThat(status(() -> app.identityGovernance().termsOfUse().agreements().byAgreementId("nope").get()))
        .isEqualTo(404);
  }

  @Test
  void theAgreementFileCarriesTheText() {
    var file = app.identityGovernance().termsOfUse().agreements().byAgreementId(AGREEMENT).file().get();
    String text = new String(file.getFileData().getData(), StandardCharsets.UTF_8);
    assertThat(text).contains("Privileged sessions through Sallyport are recorded.");
    assertThat(file.getIsDefault()).isTrue();
    var raw = RawGraph.get(t, RawGraph.appToken(t, "Sallyport"),
        "/identityGovernance/termsOfUse/agreements/" + AGREEMENT + "/file?$expand=localizations");
    assertThat(KeySets.keys(raw.body())).contains("id", "displayName", "fileName", "language", "isDefault",
        "isMajorVersion", "createdDateTime", "fileData", "localizations");
    assertThat(Base64.getDecoder().decode(raw.body().getJsonObject("fileData").getString("data"))).isNotEmpty();
  }

  @Test
  void acceptancesMatchTheDocumentedShapeForTheSignedInUser() {
    String carol = RawGraph.userToken(t, "Sallyport", "carol", List.of("AgreementAcceptance.Read"),
        GraphSdk.passwordOnly(t));
    var reply = RawGraph.get(t, carol, "/me/agreementAcceptances");
    assertThat(reply.status()).isEqualTo(200);
    KeySets.assertSameShape(reply.body(), DOC_ACCEPTANCES);
    JsonObject a = reply.body().getJsonArray("value").getJsonObject(0);
    assertThat(a.getString("id")).isEqualTo(AGREEMENT + "_" + t.user("carol").id());
    assertThat(a.getString("userPrincipalName")).isEqualTo(t.user("carol").upn());
    assertThat(a.getString("expirationDateTime")).isNotNull();

    List<AgreementAcceptance> mine = user("carol", "AgreementAcceptance.Read").me().agreementAcceptances().get()
        .getValue();
    assertThat(mine).singleElement().satisfies(x -> {
      assertThat(x.getState()).isEqualTo(AgreementAcceptanceState.Accepted);
      assertThat(Duration.between(x.getRecordedDateTime(), x.getExpirationDateTime())).isEqualTo(Duration.ofDays(90));
    });
  }

  @Test
  void acceptancesAreDelegatedOnly() {
    assertThat(status(() -> app.users().byUserId(t.user("carol").id()).agreementAcceptances().get())).isEqualTo(403);
    assertThat(status(() -> app.identityGovernance().termsOfUse().agreements().byAgreementId(AGREEMENT).acceptances()
        .get())).isEqualTo(403);
    // reading someone else's needs .Read.All
    assertThat(status(() -> user("alice", "AgreementAcceptance.Read").users().byUserId(t.user("carol").id())
        .agreementAcceptances().get())).isEqualTo(403);
    assertThat(user("alice", "AgreementAcceptance.Read.All").users().byUserId(t.user("carol").upn())
        .agreementAcceptances().get().getValue()).hasSize(1);
    assertThat(user("alice", "AgreementAcceptance.Read.All").identityGovernance().termsOfUse().agreements()
        .byAgreementId(AGREEMENT).acceptances().get(rc -> rc.queryParameters.filter = "state eq 'accepted'")
        .getValue()).hasSize(1);
  }

  @Test
  void acceptingThroughTermsActionsShowsUpWithItsExpiry() {
    var actions = new TermsActions(t.tenant().context().state());
    var bob = user("bob", "AgreementAcceptance.Read");
    assertThat(bob.me().agreementAcceptances().get().getValue()).isEmpty();
    var recorded = actions.accept(AGREEMENT, t.user("bob").id());
    assertThat(recorded.expiration()).isEqualTo(recorded.recorded().plus(Duration.ofDays(90)));
    assertThat(bob.me().agreementAcceptances().get().getValue()).singleElement()
        .satisfies(x -> assertThat(x.getAgreementId()).isEqualTo(AGREEMENT));
    assertThat(actions.remove(AGREEMENT, t.user("bob").id())).isPresent();
    assertThat(bob.me().agreementAcceptances().get().getValue()).isEmpty();
  }
}
