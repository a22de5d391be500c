package io.sallyport.devtenant.graph.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Graph's ConsistencyLevel rules (reference §7.4) as one table. */
class ODataConsistencyRulesTest {
  private static final String SEARCH_MESSAGE = "Request with $search query parameter only works through MSGraph with"
      + " a special request header: 'ConsistencyLevel: eventual'";

  @ParameterizedTest(name = "[{index}] {0} directory={1} header={2}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // query                                         | directory | header   | outcome
      "-                                               | true      | -        | no-count",
      "$count=true                                     | true      | -        | no-count",
      "$count=true                                     | true      | eventual | count",
      "$count=true                                     | true      | Eventual | count",
      "$count=true                                     | true      | strong   | no-count",
      "$count=false                                    | true      | eventual | no-count",
      "$search=\"displayName:ad\"                      | true      | -        | search-error",
      "$search=\"displayName:ad\"                      | true      | eventual | no-count",
      "$search=\"displayName:ad\"&$count=true          | true      | eventual | count",
      "$filter=id eq 'a'                               | true      | -        | no-count",
      "$filter=startswith(displayName,'a')             | true      | -        | no-count",
      "$filter=id ne 'a'                               | true      | -        | unsupported",
      "$filter=id ne 'a'                               | true      | eventual | unsupported",
      "$filter=id ne 'a'&$count=true                   | true      | -        | unsupported",
      "$filter=id ne 'a'&$count=true                   | true      | eventual | count",
      "$filter=not (id eq 'a')&$count=true             | true      | eventual | count",
      "$filter=not (id eq 'a')                         | true      | eventual | unsupported",
      "$filter=endswith(mail,'@x.com')                 | true      | eventual | unsupported",
      "$filter=endswith(mail,'@x.com')&$count=true     | true      | eventual | count",
      "$filter=memberOf/$count eq 0&$count=true        | true      | -        | unsupported",
      "$filter=id ne 'a'&$skiptoken=bzoy               | true      | -        | unsupported",
      "$filter=id ne 'a'                               | false     | -        | no-count",
      "$search=x                                       | false     | -        | no-count",
      "$count=true                                     | false     | -        | count",
      "$filter=endswith(id,'a')&$count=true            | false     | eventual | count"})
  void rulesTable(String query, boolean directory, String header, String outcome) {
    ODataQuery q = ODataQueryTest.parse(query == null ? "" : query);
    switch (outcome) {
      case "count", "no-count" -> assertThat(ConsistencyRules.check(q, directory, header).emitCount())
          .isEqualTo(outcome.equals("count"));
      default -> assertThatThrownBy(() -> ConsistencyRules.check(q, directory, header))
          .isInstanceOfSatisfying(ODataQueryException.class, e -> {
            assertThat(e.code()).isEqualTo("Request_UnsupportedQuery");
            String message = outcome.equals("search-error") ? SEARCH_MESSAGE : "Unsupported Query.";
            assertThat(e.getMessage()).isEqualTo(message);
          });
    }
  }
}
