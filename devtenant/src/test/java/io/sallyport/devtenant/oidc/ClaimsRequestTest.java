package io.sallyport.devtenant.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.devtenant.http.EntraError;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimsRequestTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}|c1||",
      "{\"access_token\":{\"xms_cc\":{\"values\":[\"CP1\"]},\"acrs\":{\"essential\":true,\"value\":\"c25\"}}}|c25|cp1|",
      "{\"access_token\":{\"acrs\":{\"essential\":true,\"values\":[\"c1\",\"c2\"]}}}|c1 c2||",
      "{\"access_token\":{\"polids\":{\"essential\":true,\"values\":[\"p1\"]}}}|||p1",
      "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1604106651\"}}}|||",
      "{\"id_token\":{\"auth_time\":{\"essential\":true}}}|||"})
  void readsTheDocumentedForms(String json, String acrs, String caps, String polids) {
    ClaimsRequest c = ClaimsRequest.parse(json);
    assertThat(c.acrs()).isEqualTo(split(acrs));
    assertThat(c.capabilities()).isEqualTo(split(caps));
    assertThat(c.policyIds()).isEqualTo(split(polids));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{not json", "[1]", "{\"access_token\":\"c1\"}", "{\"access_token\":{\"acrs\":\"c1\"}}",
      "{\"access_token\":{\"acrs\":{\"values\":[1]}}}"})
  void refusesMalformedClaimsWithAadsts90100(String json) {
    assertThatThrownBy(() -> ClaimsRequest.parse(json)).isInstanceOfSatisfying(EntraError.class,
        e -> assertThat(e.code()).isEqualTo(90100));
  }

  private static List<String> split(String s) {
    return s == null ? List.of() : List.of(s.split(" "));
  }
}
