package io.sallyport.devtenant.graph.pim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleInfoTest {

  static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

  static JsonObject body(String expiration) {
    return new JsonObject("{\"scheduleInfo\":{\"startDateTime\":\"2022-04-14T00:00:00.000Z\",\"expiration\":"
        + expiration + "}}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"AfterDuration\",\"duration\":\"PT5H\"}   | afterDuration | 2030-01-01T15:00:00Z",
      "{\"type\":\"afterduration\",\"duration\":\"P1D\"}    | afterDuration | 2030-01-02T10:00:00Z",
      "{\"type\":\"afterDateTime\",\"endDateTime\":\"2030-01-01T12:00:00Z\"} | afterDateTime | 2030-01-01T12:00:00Z",
      "{\"type\":\"noExpiration\"}                          | noExpiration  | ",
      "{}                                                 | notSpecified  | 2030-01-01T18:00:00Z",
  })
  void readsEveryExpirationTypeLeniently(String expiration, String type, String end) {
    ScheduleInfo s = ScheduleInfo.parse(body(expiration), NOW);
    assertThat(s.type()).isEqualTo(type);
    Instant start = s.startAt(NOW);
    assertThat(start).as("a start in the scenario's past means now").isEqualTo(NOW);
    assertThat(s.endFrom(start, Duration.ofHours(8))).isEqualTo(end == null ? null : Instant.parse(end));
    assertThat(s.json(start).getJsonObject("expiration").getString("type")).isEqualTo(type);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"afterDuration\",\"duration\":\"5 hours\"} | '5 hours'",
      "{\"type\":\"afterDuration\"}                        | requires a duration",
      "{\"type\":\"afterDateTime\"}                        | requires an endDateTime",
      "{\"type\":\"sometime\"}                             | 'sometime'",
      "{\"type\":\"afterDuration\",\"duration\":\"-PT1H\"}   | must be positive",
  })
  void refusesBadSchedulesWithAPreciseMessage(String expiration, String message) {
    assertThatThrownBy(() -> ScheduleInfo.parse(body(expiration), NOW)).isInstanceOf(GraphError.class)
        .hasMessageContaining(message).satisfies(e -> assertThat(((GraphError) e).status()).isEqualTo(400));
  }
}
