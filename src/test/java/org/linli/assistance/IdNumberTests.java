package org.linli.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberTests {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  /** A valid number from its first 17 digits, the check character computed by hand below. */
  static String valid(String first17) {
    return first17 + IdNumber.checkCharacter(first17);
  }

  @Test
  void computesTheCheckCharacterByHand() {
    // 3*7+3*9+0*10+1*5+0*8+6*4+1*2+9*1+9*6+0*3+0*7+1*9+0*10+1*5+1*8+2*4+3*2 = 178; 178 % 11 = 2 -> 'X'
    assertThat(IdNumber.checkCharacter("33010619900101123")).isEqualTo('X');
    // the example printed in GB 11643-1999
    assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(IdNumber.problem("11010519491231002X", TODAY)).isEmpty();
  }

  @Test
  void readsDivisionBirthDateAndSex() {
    IdNumber man = IdNumber.of(valid("33010619900101123"), TODAY);
    assertThat(man.divisionPrefix()).isEqualTo("330106");
    assertThat(man.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
    assertThat(man.sex()).isEqualTo(IdNumber.Sex.MALE);
    IdNumber woman = IdNumber.of(valid("33010620000229002"), TODAY);
    assertThat(woman.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    assertThat(woman.sex()).isEqualTo(IdNumber.Sex.FEMALE);
  }

  @Test
  void acceptsALowerCaseXAndSurroundingSpaces() {
    assertThat(IdNumber.of(" 11010519491231002x ", TODAY).value()).isEqualTo("11010519491231002X");
  }

  @Test
  void masksAllButTheFirstSixAndLastFour() {
    String v = valid("33010619851203123");
    IdNumber id = IdNumber.of(v, TODAY);
    assertThat(id.mask()).isEqualTo("330106********" + v.substring(14));
    assertThat(id.mask()).hasSize(18);
    assertThat(id.toString()).isEqualTo(id.mask()).doesNotContain("19851203");
  }

  @Test
  void refusesAWrongCheckDigit() {
    String v = valid("33010619900101123");
    String wrong = v.substring(0, 17) + (v.charAt(17) == '1' ? '2' : '1');
    assertThat(IdNumber.problem(wrong, TODAY)).contains("身份证号码校验位不正确 wrong check digit");
    assertThatThrownBy(() -> IdNumber.of(wrong, TODAY)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wrong check digit");
  }

  @Test
  void refusesDatesThatDoNotExistOrLieAhead() {
    assertThat(IdNumber.problem(valid("33010619900230123"), TODAY)).get().asString().contains("not a real date");
    assertThat(IdNumber.problem(valid("33010619901301123"), TODAY)).get().asString().contains("not a real date");
    assertThat(IdNumber.problem(valid("33010620010229123"), TODAY)).get().asString().contains("not a real date");
    assertThat(IdNumber.problem(valid("33010620260302123"), TODAY)).get().asString().contains("future");
    assertThat(IdNumber.problem(valid("33010620260301123"), TODAY)).isEmpty();
  }

  @Test
  void refusesWrongLengthsAndLetters() {
    assertThat(IdNumber.problem("33010619900101123", TODAY)).get().asString().contains("18 characters");
    assertThat(IdNumber.problem("3301061990010112345", TODAY)).get().asString().contains("18 characters");
    assertThat(IdNumber.problem("33010619900A01123X", TODAY)).get().asString().contains("17 digits");
    assertThat(IdNumber.problem("33010619900101123Y", TODAY)).get().asString().contains("17 digits");
    assertThat(IdNumber.problem("", TODAY)).get().asString().contains("give the ID number");
    assertThat(IdNumber.problem(null, TODAY)).isPresent();
  }

  @Test
  void masksStoredValuesWithoutCheckingThem() {
    assertThat(IdNumber.mask("330106199001011234")).isEqualTo("330106********1234");
    assertThat(IdNumber.mask(null)).isEqualTo("****");
  }
}
