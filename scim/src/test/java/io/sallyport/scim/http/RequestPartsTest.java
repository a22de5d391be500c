package io.sallyport.scim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.scim.ScimException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small parsers in front of every request: depth scan, bearer token, ETags, list parameters. */
class RequestPartsTest {

  @ParameterizedTest(name = "{0} with max {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "{}|1|-1",
      "{\"a\":{}}|1|2",
      "{\"a\":[1,{\"b\":2}]}|3|-1",
      "{\"a\":[1,{\"b\":2}]}|2|3",
      "{\"a\":\"[[[[[[\"}|1|-1",
      "{\"a\":\"\\\"[[[[\"}|1|-1",
      "[[]][[]]|2|-1",
      "[[[|2|3"})
  void depth(String json, int max, int expected) {
    assertThat(JsonDepth.exceeds(Buffer.buffer(json), max)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(nullValues = "NULL", value = {
      "Bearer abc, abc", "bearer abc, abc", "BEARER  abc , abc", "Basic abc, NULL", "Bearer, NULL", "Bearer  , NULL",
      "NULL, NULL", "Bearerabc, NULL"})
  void bearer(String header, String token) {
    assertThat(BearerAuth.token(header)).isEqualTo(token);
  }

  @ParameterizedTest(name = "{0} vs version {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "W/\"3\"|3|true", "\"3\"|3|true", "W/\"3\"|4|false", "*|9|true", "W/\"1\", W/\"3\"|3|true", "W/\"33\"|3|false"})
  void etagMatch(String header, long version, boolean matches) {
    assertThat(Etags.matches(header, version)).isEqualTo(matches);
  }

  @ParameterizedTest(name = "startIndex={0} count={1} -> {2},{3}")
  @CsvSource(nullValues = "NULL", value = {
      "NULL, NULL, 1, 50", "0, 5, 1, 5", "-7, -1, 1, 0", "11, 5, 11, 5", "1, 1000, 1, 50",
      "99999999999999999999, 3, 2147483647, 3", "1, -99999999999999999999, 1, 0"})
  void paging(String startIndex, String count, int start, int expectedCount) {
    MultiMap params = MultiMap.caseInsensitiveMultiMap();
    if (startIndex != null) {
      params.add("startIndex", startIndex);
    }
    if (count != null) {
      params.add("count", count);
    }
    ListQuery query = ListQuery.from(params, 50);
    assertThat(query.startIndex()).isEqualTo(start);
    assertThat(query.count()).isEqualTo(expectedCount);
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource({"startIndex, one", "count, 5.5", "sortOrder, sideways"})
  void badListParameters(String name, String value) {
    MultiMap params = MultiMap.caseInsensitiveMultiMap().add(name, value);
    assertThatThrownBy(() -> ListQuery.from(params, 50)).isInstanceOf(ScimException.class)
        .hasMessageContaining(value).extracting(e -> ((ScimException) e).status()).isEqualTo(400);
  }
}
