package org.linli.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Text written "中文 English" shows one half per language; every model and form is written so. */
class BilingualTests {

  @Test
  void splitsAtTheLastChineseCharacterAndKeepsPunctuationAndMarkupWithEachHalf() {
    assertThat(Bilingual.split("签收 Sign for")).isEqualTo(new Bilingual.Halves("签收", "Sign for"));
    assertThat(Bilingual.split("签收或退回? Signed?")).isEqualTo(new Bilingual.Halves("签收或退回?", "Signed?"));
    assertThat(Bilingual.split("村社区可上报, 县级部门可退单 villages escalate, departments return"))
        .isEqualTo(new Bilingual.Halves("村社区可上报, 县级部门可退单", "villages escalate, departments return"));
    assertThat(Bilingual.split("每月 500 元 500 yuan a month")).isEqualTo(new Bilingual.Halves("每月 500 元", "500 yuan a month"));
    assertThat(Bilingual.split("#### 办理 Handle")).isEqualTo(new Bilingual.Halves("#### 办理", "#### Handle"));
    assertThat(Bilingual.split("**报送首报 Send the first report**"))
        .isEqualTo(new Bilingual.Halves("**报送首报**", "**Send the first report**"));
    assertThat(Bilingual.split("乡镇受理（村社区录入） Township acceptance")).isEqualTo(new Bilingual.Halves("乡镇受理（村社区录入）", "Township acceptance"));
  }

  @Test
  void whatComesBeforeTheChineseBelongsToBothHalves() {
    assertThat(Bilingual.split("IMG_2031.jpg: 不支持的文件类型 file type not accepted"))
        .isEqualTo(new Bilingual.Halves("IMG_2031.jpg: 不支持的文件类型", "IMG_2031.jpg: file type not accepted"));
    assertThat(Bilingual.split("categoryCode: 请选择类别 choose a category"))
        .isEqualTo(new Bilingual.Halves("categoryCode: 请选择类别", "categoryCode: choose a category"));
    assertThat(Bilingual.split("文件不能超过 5 MB（5242880 字节） at most 5 MB (5242880 bytes)"))
        .isEqualTo(new Bilingual.Halves("文件不能超过 5 MB（5242880 字节）", "at most 5 MB (5242880 bytes)"));
  }

  @Test
  void textInOneLanguageIsTheSameInBoth() {
    assertThat(Bilingual.split("办理")).isEqualTo(new Bilingual.Halves("办理", "办理"));
    assertThat(Bilingual.split("round 2")).isEqualTo(new Bilingual.Halves("round 2", "round 2"));
    assertThat(Bilingual.split("I 特别重大")).isEqualTo(new Bilingual.Halves("I 特别重大", "I 特别重大"));
    assertThat(Bilingual.split("电话 12345")).isEqualTo(new Bilingual.Halves("电话 12345", "电话 12345"));
    assertThat(Bilingual.in(null, Locale.ENGLISH)).isNull();
    assertThat(Bilingual.in("签收 Sign for", Locale.ENGLISH)).isEqualTo("Sign for");
    assertThat(Bilingual.in("签收 Sign for", Locale.SIMPLIFIED_CHINESE)).isEqualTo("签收");
  }

  /** Latin words a Chinese reader meets as they are. */
  static final Pattern ALLOWED_IN_CHINESE = Pattern.compile("\\b(?:GRID|ID|PDF|CAP|APP|GPS|I|II|III|IV)\\b");
  private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}{2,}");

  @Test
  void everyNameInTheModelsAndEveryTextInTheFormsHasAChineseHalfWithoutEnglishAndAnEnglishHalfWithoutChinese() throws IOException {
    List<String> texts = new ArrayList<>();
    Pattern name = Pattern.compile("\\sname=\"([^\"]+)\"");
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path p : models.sorted().toList()) {
        Matcher m = name.matcher(Files.readString(p));
        while (m.find()) {
          texts.add(p.getFileName() + ": " + m.group(1));
        }
      }
    }
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path p : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        collect(p.getFileName().toString(), json.readTree(p.toFile()), texts);
      }
    }
    List<String> wrong = new ArrayList<>();
    for (String entry : texts) {
      String text = entry.substring(entry.indexOf(": ") + 2).replaceAll("\\$\\{[^}]*}", "");
      if (!Bilingual.hasChinese(text) || text.startsWith("${") || text.startsWith("=")) {
        continue; // ids, variables and expressions
      }
      Bilingual.Halves h = Bilingual.split(text);
      String zhWords = ALLOWED_IN_CHINESE.matcher(h.zh()).replaceAll("");
      if (LATIN_WORD.matcher(zhWords).find() || Bilingual.hasChinese(h.en()) || h.en().equals(h.zh())) {
        wrong.add(entry + "  →  [" + h.zh() + "] [" + h.en() + "]");
      }
    }
    assertThat(wrong).as("texts that do not split into 中文 then English").isEmpty();
  }

  private static void collect(String file, JsonNode node, List<String> out) {
    if (node.isObject()) {
      for (String field : List.of("label", "text", "description", "placeholder")) {
        if (node.path(field).isTextual()) {
          out.add(file + ": " + node.get(field).asText());
        }
      }
      node.fields().forEachRemaining(e -> collect(file, e.getValue(), out));
    } else if (node.isArray()) {
      node.forEach(n -> collect(file, n, out));
    }
  }
}
