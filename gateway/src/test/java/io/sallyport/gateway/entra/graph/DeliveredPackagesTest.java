package io.sallyport.gateway.entra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assignments request and the parse of Graph's accessPackageAssignment items (fail closed on odd shapes). */
class DeliveredPackagesTest {

  static final String PKG = "4f0e2d1c-8b7a-4c6d-9e5f-0a1b2c3d4e5f";

  static JsonObject item(String state, String pkg, String end) {
    JsonObject expiration = new JsonObject().put("endDateTime", end).putNull("duration").put("type", "afterDateTime");
    return new JsonObject().put("id", "2a353749-3749-2a35-4937-352a4937352a").put("state", state)
        .put("schedule", new JsonObject().put("expiration", expiration))
        .put("accessPackage", pkg == null ? null : new JsonObject().put("id", pkg));
  }

  @Test
  void thePathFiltersByTheUserAndDeliveredStateAndRefusesANonGuidOid() {
    String p = DeliveredPackages.path("7DEFF43E-1F17-44EF-9E5F-D516B0BA11D4", 999);
    assertThat(p).isEqualTo("/v1.0/identityGovernance/entitlementManagement/assignments?$filter=target/objectId"
        + "%20eq%20%277deff43e-1f17-44ef-9e5f-d516b0ba11d4%27%20and%20state%20eq%20%27delivered%27"
        + "&$expand=accessPackage&$top=999");
    assertThatThrownBy(() -> DeliveredPackages.path("x' or 1 eq 1", 999)).isInstanceOf(GraphUnavailable.class);
  }

  @Test
  void deliveredItemsGiveTheLatestEndPerPackageAndOthersNothing() {
    Map<String, Instant> ends = DeliveredPackages.ends(List.of(
        item("delivered", PKG.toUpperCase(), "2030-01-01T00:00:00Z"),
        item("Delivered", PKG, "2031-01-01T00:00:00Z"),
        item("expired", "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "2020-01-01T00:00:00Z"),
        item("delivered", "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", null)));
    assertThat(ends).containsExactlyInAnyOrderEntriesOf(Map.of(PKG, Instant.parse("2031-01-01T00:00:00Z"),
        "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", Instant.MAX));
    PackageAssignments.Delivered d = new PackageAssignments.Delivered(ends, Instant.now());
    assertThat(d.holds(PKG, Instant.parse("2030-06-01T00:00:00Z"))).isTrue();
    assertThat(d.holds(PKG, Instant.parse("2031-01-01T00:00:00Z"))).as("ended at its end").isFalse();
    assertThat(d.holds("5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", Instant.EPOCH)).isFalse();
  }

  @Test
  void anItemWithoutAPackageIdOrWithABadEndRefusesTheWholeAnswer() {
    assertThatThrownBy(() -> DeliveredPackages.ends(List.of(item("delivered", null, null))))
        .isInstanceOf(GraphUnavailable.class);
    assertThatThrownBy(() -> DeliveredPackages.ends(List.of(item("delivered", PKG, "tomorrow"))))
        .isInstanceOf(GraphUnavailable.class);
  }
}
