package io.sallyport.devtenant.graph.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad filters fail as Graph errors with the offending token and position, and never any other way. */
class ODataFilterErrorsTest {
  private static final String SYNTAX = "BadRequest";
  private static final String UNSUPPORTED = "Request_UnsupportedQuery";

  static Stream<Arguments> errors() {
    return Stream.of(
        arguments("principalId eq", SYNTAX, "Invalid filter clause: Syntax error at position 14 in 'principalId eq':"
            + " expected a property, function or value but found the end of the filter."),
        arguments("principalId eq 071cc716-8147-4397-a5ba-b2105951cc0b", SYNTAX, "position 15"),
        arguments("id eq c1d2e3f4-8147-4397-a5ba-b2105951cc0b", SYNTAX, "unquoted GUID 'c1d2e3f4-8147"),
        arguments("id eq 'abc", SYNTAX, "position 6 in 'id eq 'abc': unterminated string literal"),
        arguments("id eq 'a' and", SYNTAX, "position 13"),
        arguments("id 'a'", SYNTAX, "position 3 in 'id 'a'': expected a comparison operator after 'id' but found "
            + "''a''"),
        arguments("id eq 'a' id eq 'b'", SYNTAX, "position 10 in 'id eq 'a' id eq 'b'': unexpected 'id'"),
        arguments("(id eq 'a'", SYNTAX, "expected ')' but found the end of the filter"),
        arguments("id eq 'a')", SYNTAX, "position 9"),
        arguments("id eq #", SYNTAX, "position 6 in 'id eq #': character '#' is not valid here"),
        arguments("id eq 2024-13-01T00:00:00Z", SYNTAX, "'2024-13-01T00:00:00Z' is not a valid date and time"),
        arguments("seats eq 1e99999999999", SYNTAX, "is not a valid number"),
        arguments("foo(id) eq 'a'", SYNTAX, "An unknown function with name 'foo' was found at position 0"),
        arguments("startswith(id)", SYNTAX, "function 'startswith' takes 2 arguments but was given 1"),
        arguments("tolower(id,'a') eq 'a'", SYNTAX, "function 'tolower' takes 1 argument but was given 2"),
        arguments("tolower(id)", SYNTAX, "expected a comparison operator"),
        arguments("id in ()", SYNTAX, "position 7"),
        arguments("id in ('a', name)", SYNTAX, "the 'in' list may only hold literal values"),
        arguments("id in 'a'", SYNTAX, "expected '('"),
        arguments("identities/any(c c/issuer eq 'x')", SYNTAX, "expected ':'"),
        arguments("identities/any(eq: eq eq 'x')", SYNTAX, "expected a new range variable name"),
        arguments("a/any(c: c/b/any(c: c eq 'x'))", SYNTAX, "expected a new range variable name"),
        arguments("target/ eq 'x'", SYNTAX, "expected a property name"),
        arguments("$filter eq 'x'", SYNTAX, "expected a property name"),
        arguments("", SYNTAX, "position 0 in ''"),
        arguments("   ", SYNTAX, "position 3"),
        arguments("identities/all(c: c/issuer eq 'x')", UNSUPPORTED, "the lambda operator 'all' at position 11"),
        arguments("toupper(id) eq 'A'", UNSUPPORTED, "the function 'toupper' at position 0"),
        arguments("length(id) gt 1", UNSUPPORTED, "the function 'length'"),
        arguments("flags has 'x'", UNSUPPORTED, "the operator 'has' at position 6"),
        arguments("seats add 1 eq 2", UNSUPPORTED, "the operator 'add'"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("errors")
  void errorTable(String filter, String code, String message) {
    assertThatThrownBy(() -> ODataFilter.parse(filter)).isInstanceOfSatisfying(ODataQueryException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.getMessage()).contains(message);
      assertThat(e.errorBody().getJsonObject("error").getString("code")).isEqualTo(code);
    });
  }

  @Test
  void nestingIsBoundedAt32Levels() {
    ODataFilter deepest = ODataFilter.parse("(".repeat(32) + "id eq 'a'" + ")".repeat(32));
    assertThat(deepest.matches(new JsonObject().put("id", "a"))).isTrue();
    assertBadRequest(() -> ODataFilter.parse("(".repeat(33) + "id eq 'a'" + ")".repeat(33)), "nesting exceeds 32");
    assertBadRequest(() -> ODataFilter.parse("not ".repeat(33) + "id eq 'a'"), "nesting exceeds 32");
    assertBadRequest(() -> ODataFilter.parse("tolower(".repeat(40) + "id" + ")".repeat(40) + " eq 'a'"), "nesting");
    assertBadRequest(() -> ODataFilter.parse("(".repeat(2000)), "nesting exceeds 32 levels at position 32");
  }

  @Test
  void lengthIsBoundedAt4096Characters() {
    String longest = "id eq '" + "x".repeat(4096 - 8) + "'";
    assertThat(ODataFilter.parse(longest).text()).hasSize(4096);
    assertBadRequest(() -> ODataFilter.parse(longest + " "), "4097 characters long; at most 4096");
    assertBadRequest(() -> ODataFilter.parse(null), "the filter is empty");
  }

  private static final List<String> FRAGMENTS = List.of("principalId", "target", "/", "objectId", " eq ", " ne ",
      " gt ", " le ", " in ", " and ", " or ", "not ", "(", ")", ",", ":", "'x'", "''", "'", "'a''b'", "null", "true",
      "false", "42", "-1.5e3", "1e99999999999", "2024-01-01T00:00:00Z", "2024-02-30T00:00:00Z",
      "071cc716-8147-4397-a5ba-b2105951cc0b", "startswith(", "endswith(", "contains(", "tolower(", "foo(", "any(",
      "all(", "p", "p:", "c/issuer", "$count", "$", "@", "é", "\t", "\u0000", "identities", "proxyAddresses",
      " has ", "toupper(", " add ");
  private static final List<String> VALID = List.of("principalId eq 'a' and roleDefinitionId eq 'b'",
      "proxyAddresses/any(p:startswith(p,'smtp:'))", "identities/any(c:c/issuer eq 'x')",
      "contains(tolower(displayName),'team')", "id in ('a','b')", "expirationDateTime ge 2024-01-01T00:00:00Z",
      "not (a eq 1 or b ne null)");

  @Test
  void fuzzedFiltersFailOnlyWithODataQueryException() {
    Random random = new Random(20240101L);
    Set<String> codes = Set.of("BadRequest", "Request_UnsupportedQuery");
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      String filter = i % 2 == 0 ? assemble(random) : mutate(VALID.get(random.nextInt(VALID.size())), random);
      try {
        ODataFilter f = ODataFilter.parse(filter);
        ODataFixtures.ITEMS.values().forEach(f::matches);
        f.properties().forEach(p -> f.equalityValue(p));
        f.usesAdvancedOperators();
        parsed++;
      } catch (ODataQueryException e) {
        assertThat(codes).as(filter).contains(e.code());
        assertThat(e.getMessage()).as(filter).startsWith("Invalid filter clause: ");
      } catch (Throwable t) {
        fail("filter " + filter + " threw " + t, t);
      }
    }
    assertThat(parsed).as("some fuzzed filters are valid, so evaluation is fuzzed too").isGreaterThan(500);
  }

  private static String assemble(Random random) {
    StringBuilder sb = new StringBuilder();
    for (int n = 1 + random.nextInt(12); n > 0; n--) {
      sb.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
    }
    return sb.toString();
  }

  private static String mutate(String valid, Random random) {
    StringBuilder sb = new StringBuilder(valid);
    for (int n = 1 + random.nextInt(3); n > 0 && sb.length() > 0; n--) {
      int at = random.nextInt(sb.length());
      switch (random.nextInt(3)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, "()',:/ $ep0-".charAt(random.nextInt(12)));
        default -> sb.setCharAt(at, (char) (32 + random.nextInt(95)));
      }
    }
    return sb.toString();
  }

  private static void assertBadRequest(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ODataQueryException.class, e -> {
      assertThat(e.code()).isEqualTo("BadRequest");
      assertThat(e.getMessage()).contains(message);
    });
  }
}
