package io.sallyport.devtenant.graph.terms;

import io.sallyport.devtenant.state.Acceptance;
import io.sallyport.devtenant.state.Agreement;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Terms-of-use resources in Graph v1.0's shapes (graph-docs agreement, agreementAcceptance, agreementFile). */
final class TermsJson {

  static final String AGREEMENT_TYPE = "microsoft.graph.agreement";
  static final String ACCEPTANCE_TYPE = "microsoft.graph.agreementAcceptance";
  static final List<String> AGREEMENT_PROPERTIES = List.of("id", "displayName", "termsExpiration",
      "userReacceptRequiredFrequency", "isViewingBeforeAcceptanceRequired", "isPerDeviceAcceptanceRequired");
  static final List<String> ACCEPTANCE_PROPERTIES = List.of("id", "agreementId", "userId", "deviceId",
      "deviceDisplayName", "deviceOSType", "deviceOSVersion", "agreementFileId", "userDisplayName",
      "userPrincipalName", "userEmail", "recordedDateTime", "expirationDateTime", "state");
  /** Acceptances are not per device here: Graph writes the all-zero GUID then. */
  static final String NO_DEVICE = "00000000-0000-0000-0000-000000000000";

  private TermsJson() {}

  static JsonObject agreement(Agreement a) {
    JsonObject expiration = a.expirationStart() == null || a.expirationFrequency() == null ? null
        : new JsonObject().put("startDateTime", a.expirationStart().toString())
            .put("frequency", iso(a.expirationFrequency()));
    return new JsonObject().put("id", a.id()).put("displayName", a.displayName()).put("termsExpiration", expiration)
        .put("userReacceptRequiredFrequency", a.reacceptFrequency() == null ? null : iso(a.reacceptFrequency()))
        .put("isViewingBeforeAcceptanceRequired", a.viewingRequired())
        .put("isPerDeviceAcceptanceRequired", a.perDevice());
  }

  /** @param user null when the user has since been deleted: Graph keeps the record, names unknown */
  static JsonObject acceptance(Acceptance a, User user) {
    return new JsonObject().put("id", a.id()).put("agreementId", a.agreementId()).put("userId", a.userId())
        .put("deviceId", NO_DEVICE).putNull("deviceDisplayName").putNull("deviceOSType").putNull("deviceOSVersion")
        .put("agreementFileId", a.fileId()).put("userDisplayName", user == null ? null : user.displayName())
        .put("userPrincipalName", user == null ? null : user.upn()).put("userEmail", user == null ? null : user.mail())
        .put("recordedDateTime", time(a.recorded())).put("expirationDateTime", time(a.expiration()))
        .put("state", a.state());
  }

  /**
   * The agreement's default file (agreementFile). devtenant's agreements are text, so the file is the
   * text (UTF-8) as {@code fileData.data}, named .txt; real tenants upload PDFs.
   */
  static JsonObject file(Agreement a) {
    return new JsonObject().put("id", a.fileId()).put("displayName", a.displayName())
        .put("fileName", a.displayName().replaceAll("[^A-Za-z0-9._-]+", "-") + ".txt").put("language", "en-US")
        .put("isDefault", true).put("isMajorVersion", false).putNull("createdDateTime")
        .put("fileData", new JsonObject().put("data",
            Base64.getEncoder().encodeToString(a.text().getBytes(StandardCharsets.UTF_8))));
  }

  /** One localization (agreementFileLocalization): the default file, with no older versions. */
  static JsonObject localization(Agreement a) {
    return file(a).put("versions", new io.vertx.core.json.JsonArray());
  }

  /** ISO-8601 as Graph writes it: whole days as {@code P90D}, anything else as Java's {@code PT...}. */
  static String iso(Duration d) {
    if (!d.isZero() && d.getSeconds() % 86_400 == 0 && d.getNano() == 0) {
      return "P" + d.toDays() + "D";
    }
    return d.toString();
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
