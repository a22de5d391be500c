package io.sallyport.devtenant.graph.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.devtenant.graph.odata.ODataQueryException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DirectoryDerivationsTest {

  @Test
  void securityIdentifierMatchesMicrosoftsDocumentedGroup() {
    // graph-docs group-get.md: this id is served with this securityIdentifier
    assertThat(DirectoryIds.securityIdentifier("02bd9fd6-8f93-4758-87c3-1fb73740a315"))
        .isEqualTo("S-1-12-1-45981654-1196986259-3072312199-363020343");
    assertThat(DirectoryIds.securityIdentifier("not-a-guid")).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"displayName:Admin\"                              | Alice Admin      | true",
      "\"displayName:adm\"                                | Alice Admin      | true",
      "\"displayName:dmin\"                               | Alice Admin      | false",
      "\"displayName:Admins\"                             | SallyportAdmins  | true",
      "\"displayName:alice admin\"                        | Alice Admin      | true",
      "\"displayName:Bob\" OR \"displayName:Alice\"       | Alice Admin      | true",
      "\"displayName:Bob\" AND \"displayName:Alice\"      | Alice Admin      | false",
      "\"displayName:Alice\" AND \"displayName:Admin\"    | Alice Admin      | true",
  })
  void searchMatchesWordPrefixes(String search, String displayName, boolean expected) {
    var predicate = DirectorySearch.parse(search, UserJson.TYPE);
    assertThat(predicate.test(new JsonObject().put("displayName", displayName))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "displayName:Admin                     | BadRequest",
      "\"displayName:Admin\" NEAR \"mail:a\" | BadRequest",
      "\"shoeSize:9\"                        | Request_UnsupportedQuery",
  })
  void badSearchesAreGraphErrors(String search, String code) {
    assertThatThrownBy(() -> DirectorySearch.parse(search, UserJson.TYPE))
        .isInstanceOfSatisfying(ODataQueryException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
