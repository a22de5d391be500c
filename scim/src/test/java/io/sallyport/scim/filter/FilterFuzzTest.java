package io.sallyport.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and garbled filters in a bounded, seeded loop: the only thing that may come out is a
 * 400 ScimException, and whatever parses renders back to text that parses to the same tree.
 */
class FilterFuzzTest {

  private static final List<String> SEEDS = List.of(
      "userName eq \"bjensen\"", "emails[type eq \"work\" and primary eq true]",
      "emails[type eq \"work\"].value eq \"user@contoso.com\"", "not (title pr) or meta.lastModified gt \"2011-05-13T04:42:34Z\"",
      "(userName sw \"a\" or displayName co \"b\") and active eq true",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"x\"",
      "members[value eq \"a\"]", "externalId ne null", "userName eq \"a\\u00e9\\\"b\"");
  private static final String[] PIECES = {
      " ", "(", ")", "[", "]", "\"", "\\", ".", ":", "eq", "and", "or", "not", "pr", "gt", "true", "null", "-",
      "1", "1e9", "userName", "emails", "value", "urn:", "$ref", "\u0000", "\n", "é", "\uD83D\uDE00", "\uD800",
      "'", "=", ";", "\u202e", "--", "/*", "\"\"", "\\u00", "]]", "((", "0.5"};

  @Test
  void onlyScimExceptionsComeOut() {
    Random random = new Random(20240611L);
    JsonObject user = Fixtures.user();
    JsonObject group = Fixtures.group();
    int parsed = 0;
    for (int i = 0; i < 30_000; i++) {
      String input = i % 2 == 0 ? mutate(SEEDS.get(random.nextInt(SEEDS.size())), random) : assemble(random);
      try {
        Filter f = Filter.parse(input);
        parsed++;
        assertThat(Filter.parse(f.toString())).as("round trip of %s", input).isEqualTo(f);
        for (ResourceKind kind : ResourceKind.values()) {
          try {
            f.matches(kind == ResourceKind.USER ? user : group, kind);
          } catch (ScimException e) {
            assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
          }
        }
      } catch (ScimException e) {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
        assertThat(e.getMessage()).startsWith("filter: ").hasSizeLessThan(400).doesNotContain("\u0000", "\n");
      } catch (Throwable t) {
        fail("input " + JsonObject.of("f", input).encode() + " threw " + t, t);
      }
    }
    // the loop exercised the evaluator as well as the error paths
    assertThat(parsed).isGreaterThan(1000);
  }

  private static String mutate(String seed, Random random) {
    StringBuilder b = new StringBuilder(seed);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(4)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, PIECES[random.nextInt(PIECES.length)]);
        case 2 -> b.setCharAt(at, (char) random.nextInt(0x3000));
        default -> b.insert(at, b.substring(at, Math.min(b.length(), at + random.nextInt(20))));
      }
    }
    return b.toString();
  }

  private static String assemble(Random random) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(random.nextInt(10) == 0 ? 2000 : 25);
    for (int k = 0; k < n; k++) {
      b.append(PIECES[random.nextInt(PIECES.length)]);
      if (random.nextBoolean()) {
        b.append(' ');
      }
    }
    return b.toString();
  }
}
