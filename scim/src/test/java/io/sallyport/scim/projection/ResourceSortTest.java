package io.sallyport.scim.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceSortTest {

  static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  static List<JsonObject> users() {
    return List.of(
        new JsonObject("""
            {"id":"A","userName":"carol","name":{"familyName":"Zed"},"active":true,
             "meta":{"created":"2024-01-01T10:00:00+02:00"},
             "emails":[{"value":"z@x.org"},{"value":"a@x.org","primary":true}],
             "%s":{"employeeNumber":"10"}}""".formatted(ENT)),
        new JsonObject("""
            {"id":"b","userName":"Alice","active":false,
             "meta":{"created":"2024-01-01T09:00:00Z"},
             "emails":[{"value":"m@x.org"},{"value":"b@x.org"}]}"""),
        new JsonObject("""
            {"id":"C","userName":"bob","name":{"familyName":"adams"},"active":"True",
             "meta":{"created":"2023-12-31T23:59:59Z"},
             "%s":{"employeeNumber":"9"}}""".formatted(ENT)),
        new JsonObject("""
            {"id":"d","userName":"BOB","name":{"familyName":"Miller"},
             "meta":{"created":"not a date"}}"""));
  }

  @ParameterizedTest(name = "[{index}] sortBy={0} sortOrder={1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      userName          | -          | b,C,d,A
      USERNAME          | ascending  | b,C,d,A
      userName          | Descending | A,C,d,b
      id                | -          | A,C,b,d
      id                | descending | d,b,C,A
      name.familyName   | -          | C,d,A,b
      name.familyName   | descending | b,A,d,C
      emails            | -          | A,b,C,d
      emails.value      | descending | C,d,b,A
      meta.created      | -          | C,A,b,d
      meta.created      | descending | d,b,A,C
      active            | -          | b,A,C,d
      urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber | - | A,C,b,d
      """)
  void sorts(String sortBy, String sortOrder, String expectedIds) {
    List<JsonObject> list = new ArrayList<>(users());
    list.sort(ResourceSort.comparator(ResourceKind.USER, sortBy, sortOrder).orElseThrow());
    assertThat(list).extracting(u -> u.getString("id")).containsExactlyElementsOf(Arrays.asList(expectedIds.split(",")));
  }

  @ParameterizedTest(name = "[{index}] sortBy={0} sortOrder={1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      name       | -      | sortBy: 'name' is complex; expected one of its sub-attributes, such as name.formatted
      shoeSize   | -      | sortBy: unknown attribute 'shoeSize' for User
      userName   | up     | sortOrder: 'up'; expected ascending or descending
      emails[type eq "work"].value | - | sortBy: 'emails[type eq "work"].value' has a value filter; expected an attribute path such as name.familyName
      """)
  void rejects(String sortBy, String sortOrder, String detail) {
    assertThatThrownBy(() -> ResourceSort.comparator(ResourceKind.USER, sortBy, sortOrder))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
          assertThat(e.getMessage()).isEqualTo(detail);
        });
  }

  @org.junit.jupiter.api.Test
  void noSortByMeansStorageOrder() {
    assertThat(ResourceSort.comparator(ResourceKind.USER, null, null)).isEmpty();
    assertThat(ResourceSort.comparator(ResourceKind.GROUP, " ", "descending")).isEmpty();
    assertThat(new JsonArray()).isEmpty();
  }
}
