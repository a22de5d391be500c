package io.sallyport.devtenant.graph.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.devtenant.graph.odata.ODataQuery.OrderBy;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ODataQueryTest {

  /** Parses {@code a=1&b=2} (already decoded) into the parameter map a router would hand over. */
  static ODataQuery parse(String query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (!query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        params.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
      }
    }
    return ODataQuery.parse(params, 100);
  }

  @Test
  void everyOptionIsParsed() {
    ODataQuery q = parse("$filter=id eq 'a'&$select=id,displayName&$top=5&$count=TRUE&$orderby=displayName desc"
        + "&$expand=target,accessPackage($select=id)&$search=\"displayName:ad\"&api-version=ignored");
    assertThat(q.filter().map(ODataFilter::text)).contains("id eq 'a'");
    assertThat(q.select()).containsExactly("id", "displayName");
    assertThat(q.top()).isEqualTo(5);
    assertThat(q.count()).isTrue();
    assertThat(q.orderBy()).contains(new OrderBy("displayName", true));
    assertThat(q.expand()).containsExactly("target", "accessPackage");
    assertThat(q.search()).contains("\"displayName:ad\"");
    assertThat(q.skipToken()).isEmpty();
    assertThat(q.offset()).isZero();
  }

  @Test
  void absentOptionsTakeDefaults() {
    ODataQuery q = parse("");
    assertThat(q).isEqualTo(new ODataQuery(Optional.empty(), List.of(), 100, Optional.empty(), false,
        Optional.empty(), List.of(), Optional.empty()));
    assertThat(q.matches(new JsonObject())).isTrue();
  }

  @Test
  void multiMapIsAcceptedToo() {
    MultiMap params = MultiMap.caseInsensitiveMultiMap().add("$top", "7").add("$filter", "id eq 'x'");
    ODataQuery q = ODataQuery.parse(params, 100);
    assertThat(q.top()).isEqualTo(7);
    assertThat(q.matches(new JsonObject().put("id", "X"))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "$top=0|Request_BadRequest|Invalid page size specified: '0'. Must be between 1 and 999 inclusive.",
      "$top=1000|Request_BadRequest|Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
      "$top=x|Request_BadRequest|Invalid page size specified: 'x'. Must be between 1 and 999 inclusive.",
      "$top=-1|Request_BadRequest|Invalid page size specified: '-1'. Must be between 1 and 999 inclusive.",
      "$top=99999999999|Request_BadRequest|Invalid page size specified: '99999999999'.",
      "$foo=1|BadRequest|Query option '$foo' is not allowed.",
      "$skip=10|BadRequest|Query option '$skip' is not allowed.",
      "$top=1&$top=2|BadRequest|Query option '$top' was specified more than once, but it must be specified at",
      "$count=yes|BadRequest|'yes' is not a valid count option.",
      "$orderby=a,b|Request_UnsupportedQuery|Sorting by more than one property is not supported.",
      "$orderby=a sideways|BadRequest|Invalid $orderby clause: 'a sideways'.",
      "$select=a,,b|BadRequest|Invalid $select clause: 'a,,b'.",
      "$select=a($select=b)|BadRequest|Invalid $select clause: 'a($select=b)'.",
      "$expand=a(b|BadRequest|Invalid $expand clause: 'a(b'.",
      "$skiptoken=garbage!|Request_BadRequest|Invalid skip token.",
      "$skiptoken=bzotMQ|Request_BadRequest|Invalid skip token.",
      "$filter=id eq|BadRequest|Invalid filter clause: Syntax error at position 5 in 'id eq'"})
  void badOptionsAreRefused(String query, String code, String message) {
    assertThatThrownBy(() -> parse(query)).isInstanceOfSatisfying(ODataQueryException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.getMessage()).startsWith(message);
      assertThat(e.httpStatus()).isEqualTo(400);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "displayName|n1,b1,a1,c1",
      "displayName asc|n1,b1,a1,c1",
      "displayName desc|c1,a1,b1,n1",
      "created|n1,a1,c1,b1",
      "seats desc|c1,a1,b1,n1"})
  void orderByFollowsFilterValueRules(String orderBy, String ids) {
    List<JsonObject> items = List.of(
        new JsonObject().put("id", "a1").put("displayName", "beta").put("created", "2024-01-02T00:00:00Z")
            .put("seats", 2),
        new JsonObject().put("id", "b1").put("displayName", "Alpha").put("created", "2024-01-03T00:00:00+00:00")
            .put("seats", 1),
        new JsonObject().put("id", "c1").put("displayName", "Gamma").put("created", "2024-01-02T12:00:00Z")
            .put("seats", 10),
        new JsonObject().put("id", "n1"));
    List<JsonObject> sorted = parse("$orderby=" + orderBy + "&$filter=id ne 'zz'").apply(items);
    assertThat(sorted).extracting(o -> o.getString("id")).containsExactly(ids.split(","));
  }
}
