package io.sallyport.devtenant.graph.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ODataSelectTest {
  private static final Set<String> USER_PROPERTIES = Set.of("id", "displayName", "mail", "userPrincipalName",
      "accountEnabled");
  private static final JsonObject USER = new JsonObject().put("@odata.type", "#microsoft.graph.user").put("id", "u1")
      .put("displayName", "Adele").put("mail", "a@x.com").put("userPrincipalName", "a@x.com")
      .put("accountEnabled", true);

  static Stream<Arguments> selections() {
    return Stream.of(
        arguments(List.of("displayName"), Set.of("@odata.type", "id", "displayName")),
        arguments(List.of("DISPLAYNAME", "Mail"), Set.of("@odata.type", "id", "displayName", "mail")),
        arguments(List.of("id"), Set.of("@odata.type", "id")),
        arguments(List.of(), USER.fieldNames()),
        arguments(List.of("*"), USER.fieldNames()),
        arguments(List.of("accountEnabled", "userPrincipalName"),
            Set.of("@odata.type", "id", "accountEnabled", "userPrincipalName")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selections")
  void selectTable(List<String> names, Set<String> keys) {
    JsonObject out = ODataSelect.of(names, "microsoft.graph.user", USER_PROPERTIES).apply(USER);
    assertThat(out.fieldNames()).isEqualTo(keys);
    keys.forEach(k -> assertThat(out.getValue(k)).isEqualTo(USER.getValue(k)));
  }

  @Test
  void unknownPropertyIsRefusedWithGraphsMessage() {
    assertThatThrownBy(() -> ODataSelect.of(List.of("displayName", "foo"), "microsoft.graph.user", USER_PROPERTIES))
        .isInstanceOfSatisfying(ODataQueryException.class, e -> {
          assertThat(e.code()).isEqualTo("Request_BadRequest");
          assertThat(e.getMessage()).isEqualTo("Could not find a property named 'foo' on type 'microsoft.graph.user'.");
        });
  }

  @Test
  void applyCopiesAndLeavesTheStoredItemAlone() {
    JsonObject stored = new JsonObject().put("id", "1").put("a", new JsonObject().put("x", 1)).put("b", 2);
    JsonObject out = ODataSelect.of(List.of("a"), "t", Set.of("a", "b")).apply(stored);
    out.getJsonObject("a").put("x", 99);
    assertThat(stored.getJsonObject("a").getInteger("x")).isEqualTo(1);
    assertThat(stored.fieldNames()).containsExactlyInAnyOrder("id", "a", "b");
    assertThat(ODataSelect.all().isAll()).isTrue();
    assertThat(ODataSelect.of(List.of("a"), "t", Set.of("a")).names()).containsExactly("a");
  }
}
