package io.sallyport.devtenant.graph.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paging as the SDK's PageIterator drives it: follow each nextLink verbatim until there is none. */
class ODataPageTest {
  private static final String BASE = "https://localhost:8443/v1.0/users";
  private static final String CONTEXT = "https://localhost:8443/v1.0/$metadata#users";
  private static final Set<String> PROPERTIES = Set.of("id", "displayName", "n");

  static List<JsonObject> users(int n) {
    return IntStream.range(0, n).mapToObj(i -> new JsonObject().put("id", "u" + i).put("displayName", "User " + i)
        .put("n", i)).toList();
  }

  /** One request: parse the raw query the way a router would, page the result. */
  static JsonObject get(List<JsonObject> store, String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      params.computeIfAbsent(decode(pair.substring(0, eq)), k -> new ArrayList<>())
          .add(decode(pair.substring(eq + 1)));
    }
    ODataQuery q = ODataQuery.parse(params, 100);
    ODataSelect select = ODataSelect.of(q.select(), "microsoft.graph.user", PROPERTIES);
    return new ODataPage(CONTEXT, BASE, rawQuery).render(q.apply(store), q, select);
  }

  @ParameterizedTest(name = "{0} items, {1}")
  @CsvSource(delimiter = '|', value = {
      "0|$top=5", "1|$top=1", "10|$top=1", "10|$top=3", "10|$top=10", "10|$top=11", "25|$top=7", "250|",
      "25|$top=4&$count=true", "25|$filter=n ge 5&$top=3&$select=displayName", "9|$orderby=n desc&$top=2"})
  void nextLinkChainVisitsEveryItemExactlyOnce(int n, String query) {
    String rawQuery = query == null ? "" : query;
    List<JsonObject> store = users(n);
    List<String> seen = new ArrayList<>();
    JsonObject page = get(store, rawQuery);
    int pages = 1;
    assertThat(page.getString("@odata.context")).isEqualTo(CONTEXT);
    if (rawQuery.contains("$count=true")) {
      assertThat(page.getInteger("@odata.count")).isEqualTo(n);
    }
    while (true) {
      JsonArray value = page.getJsonArray("value");
      value.forEach(o -> seen.add(((JsonObject) o).getString("id")));
      String next = page.getString("@odata.nextLink");
      if (next == null) {
        break;
      }
      assertThat(value).isNotEmpty();
      URI uri = URI.create(next); // must be a valid absolute URI as sent
      assertThat(next).startsWith(BASE + "?");
      for (String original : rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
        assertThat(uri.getRawQuery()).as("keeps %s", original).contains(QueryStrings.encode(original.split("=")[0]));
      }
      assertThat(uri.getRawQuery().split("\\$skiptoken=", -1)).hasSize(2);
      page = get(store, uri.getRawQuery());
      assertThat(page.containsKey("@odata.count")).as("count only on the first page").isFalse();
      assertThat(++pages).isLessThan(1000);
    }
    List<String> expected = unpagedIds(store, rawQuery);
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void nextLinkReencodesTheOriginalQueryAndReplacesTheSkipToken() {
    String raw = "$filter=displayName%20eq%20'User%201'%20or%20n+gt+0&$top=2&$skiptoken=" + SkipToken.encode(2);
    JsonObject page = get(users(10), raw);
    assertThat(page.getJsonArray("value")).extracting(o -> ((JsonObject) o).getString("id"))
        .containsExactly("u3", "u4");
    assertThat(page.getString("@odata.nextLink")).isEqualTo(BASE + "?$filter=displayName%20eq%20%27User%201%27%20or"
        + "%20n%20gt%200&$top=2&$skiptoken=" + SkipToken.encode(4));
  }

  @Test
  void selectIsAppliedToPageItemsAndCountMayBeWithheld() {
    ODataQuery q = ODataQuery.parse(Map.of("$select", List.of("displayName"), "$count", List.of("true")), 100);
    ODataSelect select = ODataSelect.of(q.select(), "microsoft.graph.user", PROPERTIES);
    JsonObject page = new ODataPage(null, BASE, "$select=displayName&$count=true").render(users(2), q, select, false);
    assertThat(page.fieldNames()).containsExactly("value");
    assertThat(page.getJsonArray("value").getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("id", "displayName");
  }

  @Test
  void skipTokensRoundTripAndGarbageIsRefused() {
    for (int offset : new int[] {0, 1, 999, 123_456_789}) {
      assertThat(SkipToken.decode(SkipToken.encode(offset))).isEqualTo(offset);
    }
    for (String bad : new String[] {"", "!!", "bzo", "bzotMQ", "bzowMQ", "eDox", "bzoxMjM0NTY3ODkwMTI"}) {
      assertThatThrownBy(() -> SkipToken.decode(bad)).as(bad).isInstanceOfSatisfying(ODataQueryException.class, e -> {
        assertThat(e.code()).isEqualTo("Request_BadRequest");
        assertThat(e.getMessage()).isEqualTo("Invalid skip token.");
      });
    }
    assertThat(get(users(3), "$skiptoken=" + SkipToken.encode(50)).getJsonArray("value")).isEmpty();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The ids one unpaged request would return, in order: what the chain must add up to. */
  private static List<String> unpagedIds(List<JsonObject> store, String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (!pair.startsWith("$top")) {
        params.put(decode(pair.substring(0, eq)), List.of(decode(pair.substring(eq + 1))));
      }
    }
    return ODataQuery.parse(params, 999).apply(store).stream().map(o -> o.getString("id")).toList();
  }
}
