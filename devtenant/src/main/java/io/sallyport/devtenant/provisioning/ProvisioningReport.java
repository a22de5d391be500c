package io.sallyport.devtenant.provisioning;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** What one provisioning cycle did, as Entra's provisioning summary counts it. */
public record ProvisioningReport(Instant startedAt, Instant finishedAt, long durationMs, String scimUrl,
    int usersCreated, int usersUpdated, int usersDisabled, int usersUnchanged, int groupsCreated, int groupsUpdated,
    int membersAdded, int membersRemoved, int requests, int retries, int errors, List<String> errorMessages) {

  public JsonObject toJson() {
    return new JsonObject().put("startedAt", startedAt.toString()).put("finishedAt", finishedAt.toString())
        .put("durationMs", durationMs).put("scimUrl", scimUrl).put("created", usersCreated)
        .put("updated", usersUpdated).put("disabled", usersDisabled).put("unchanged", usersUnchanged)
        .put("groupsCreated", groupsCreated).put("groupsUpdated", groupsUpdated).put("membersAdded", membersAdded)
        .put("membersRemoved", membersRemoved).put("requests", requests).put("retries", retries)
        .put("errors", errors).put("errorMessages", new JsonArray(errorMessages));
  }
}
