package org.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.system.InvalidInputException.FieldError;

/** How typed text becomes a value, for every form that reads strings. */
class TypedFieldsTests {

  final List<FieldError> errors = new ArrayList<>();

  @Test
  void amountsTakeThousandsGroupedByCommasAndNothingElseWithACommma() {
    assertThat(TypedFields.amount(" 12,000.50 ", "a", "x", errors)).isEqualByComparingTo("12000.50");
    assertThat(TypedFields.amount("1，234，567", "a", "x", errors)).isEqualByComparingTo("1234567");
    assertThat(TypedFields.amount("120000.5", "a", "x", errors)).isEqualByComparingTo(new BigDecimal("120000.5"));
    assertThat(errors).isEmpty();

    assertThat(TypedFields.amount("1,5", "loss", "not an amount", errors)).isNull();
    assertThat(TypedFields.amount("12,00", "loss", "not an amount", errors)).isNull();
    assertThat(errors).extracting(FieldError::field).containsExactly("loss", "loss");
  }

  @Test
  void blankIsNothingTypedAndTextLosesItsSurroundingBlanks() {
    assertThat(TypedFields.text("  王芳 ")).isEqualTo("王芳");
    assertThat(TypedFields.text(" \t")).isNull();
    assertThat(TypedFields.text(null)).isNull();
    assertThat(TypedFields.amount("  ", "a", "x", errors)).isNull();
    assertThat(errors).isEmpty();
  }

  enum Colour { RED, GREEN }

  @Test
  void optionsAndYesNoTakeOnlyWhatIsOffered() {
    assertThat(TypedFields.option(Colour.class, " GREEN ", "c", "x", errors)).isEqualTo(Colour.GREEN);
    assertThat(TypedFields.yesNo("true", "b", "x", errors)).isTrue();
    assertThat(errors).isEmpty();
    assertThat(TypedFields.option(Colour.class, "green", "c", "not an option", errors)).isNull();
    assertThat(TypedFields.yesNo("yes", "b", "not an option", errors)).isNull();
    assertThat(errors).extracting(FieldError::field).containsExactly("c", "b");
  }
}
