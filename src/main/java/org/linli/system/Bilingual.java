package org.linli.system;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text written "中文 English": the names in models and forms ("签收 Sign for"), the server's messages
 * ("请说明理由 give the reason"). The Chinese ends with the last Chinese character (and any punctuation
 * stuck to it); the English is the rest, if it has a letter. What comes before the first Chinese
 * character ("categoryCode: ", a file's name) belongs to both. Screens show one half; mails and the
 * API, unless the client names a language, keep both.
 */
public final class Bilingual {

  /** The two halves; the same text twice when it is not written in two languages. */
  public record Halves(String zh, String en) {

    public String in(Locale locale) {
      return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
  }

  // markdown around a form's text ("#### 办理 Handle", "**报送首报 Send the first report**") goes round both halves
  private static final Pattern MARKUP = Pattern.compile("^((?:#{1,6}\\s+)?(?:\\*\\*)?)(.*?)((?:\\*\\*)?)$", Pattern.DOTALL);
  private static final Pattern ENGLISH_REST = Pattern.compile("^(\\S*)\\s+(.*\\p{IsLatin}.*)$", Pattern.DOTALL);

  private Bilingual() {}

  public static Halves split(String text) {
    if (text == null) {
      return new Halves(null, null);
    }
    Matcher markup = MARKUP.matcher(text.strip());
    if (!markup.matches()) {
      return new Halves(text, text);
    }
    String inner = markup.group(2);
    int lastChinese = lastChinese(inner);
    if (lastChinese < 0) {
      return new Halves(text, text);
    }
    Matcher rest = ENGLISH_REST.matcher(inner.substring(lastChinese + 1));
    if (!rest.matches()) {
      return new Halves(text, text);
    }
    // what comes before the first Chinese character (a field, a file name) belongs to both halves
    String lead = inner.substring(0, firstChinese(inner));
    String zh = (inner.substring(0, lastChinese + 1) + rest.group(1)).strip();
    String en = (lead + rest.group(2)).strip();
    return new Halves(markup.group(1) + zh + markup.group(3), markup.group(1) + en + markup.group(3));
  }

  /** The half for a reader of {@code locale}: English for English, Chinese otherwise. */
  public static String in(String text, Locale locale) {
    return split(text).in(locale);
  }

  /**
   * The language an API client names in its {@code Accept-Language} header, if Chinese or English
   * comes first; without one (or another) the API answers in both, as it always has.
   */
  public static Optional<Locale> named(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Optional.empty();
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      String first = ranges.isEmpty() ? "" : ranges.get(0).getRange().toLowerCase(Locale.ROOT);
      if (first.startsWith("zh")) {
        return Optional.of(Locale.SIMPLIFIED_CHINESE);
      }
      return first.startsWith("en") ? Optional.of(Locale.ENGLISH) : Optional.empty();
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /** The text in the named language, or as written when none is named. */
  public static String in(String text, Optional<Locale> named) {
    return named.map(l -> in(text, l)).orElse(text);
  }

  /** Whether the text holds a Chinese character (or full-width punctuation). */
  public static boolean hasChinese(String text) {
    return text != null && lastChinese(text) >= 0;
  }

  private static int firstChinese(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isChinese(s.charAt(i))) {
        return i;
      }
    }
    return s.length();
  }

  private static int lastChinese(String s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      if (isChinese(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isChinese(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
        || (c >= '\u3000' && c <= '\u303f') // CJK punctuation: 、。《》「」
        || (c >= '\uff00' && c <= '\uffef'); // full-width forms: （），：？
  }
}
