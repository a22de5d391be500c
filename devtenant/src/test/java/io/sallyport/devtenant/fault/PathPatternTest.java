package io.sallyport.devtenant.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathPatternTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
      "/v1.0/roleManagement/**, /v1.0/roleManagement/directory/roleAssignmentScheduleInstances, true",
      "/v1.0/roleManagement/**, /v1.0/roleManagement, true",
      "/v1.0/roleManagement/**, /v1.0/roleManagementX, false",
      "/v1.0/users/*, /v1.0/users/abc, true",
      "/v1.0/users/*, /v1.0/users/abc/memberOf, false",
      "/*/oauth2/v2.0/token, /7c1c5a0e/oauth2/v2.0/token, true",
      "/*/oauth2/v2.0/token, /7c1c5a0e/oauth2/v2.0/tokens, false",
      "/v1.0/user?, /v1.0/users, true",
      "/v1.0/users, /v1.0/users/x, false",
      "/v1.0/a.b, /v1.0/aXb, false",
      "re:^/v1\\.0/(users|groups), /v1.0/groups/1, true",
      "re:token$, /common/oauth2/v2.0/token, true",
      "re:token$, /common/oauth2/v2.0/authorize, false",
  })
  void matches(String pattern, String path, boolean expected) {
    assertThat(PathPattern.parse(pattern).matches(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v1.0/users | \"path\" must start with / (a glob) or re: (a regex), got \"v1.0/users\"",
      "re:([a | \"path\" is not a valid regex: \"([a\"",
  })
  void refusesBadPatterns(String pattern, String message) {
    assertThatThrownBy(() -> PathPattern.parse(pattern)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
