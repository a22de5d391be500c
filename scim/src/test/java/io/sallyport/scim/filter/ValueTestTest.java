package io.sallyport.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.scim.schema.AttributeDef;
import io.sallyport.scim.schema.AttributeType;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers compare numerically (no served attribute is numeric, so this drives the comparator directly). */
class ValueTestTest {

  @ParameterizedTest(name = "[{index}] {0} {1} {2} {3}")
  @CsvSource(delimiter = '|', textBlock = """
      INTEGER | 10    | GT | 9      | true
      INTEGER | 10    | GT | 10     | false
      INTEGER | 10    | GE | 10     | true
      INTEGER | 9     | LT | 10     | true
      INTEGER | 10    | EQ | 10.0   | true
      INTEGER | 10    | EQ | 1e1    | true
      DECIMAL | 2.5   | LE | 2.50   | true
      DECIMAL | -1.5  | LT | -1.4   | true
      DECIMAL | 100.0 | GT | 99.999 | true
      """)
  void numbers(AttributeType type, String stored, CompareOp op, String literal, boolean expected) {
    AttributeDef def = AttributeDef.of("n", type, "a number");
    Number value = stored.contains(".") ? Double.valueOf(stored) : (Number) Long.valueOf(stored);
    assertThat(ValueTest.of(op, new BigDecimal(literal), def, "n").test(value)).isEqualTo(expected);
    // a string is not a number, whatever it spells
    assertThat(ValueTest.of(op, new BigDecimal(literal), def, "n").test(stored)).isFalse();
  }
}
