package org.linli.system;

/**
 * Text as Linli stores it: without NUL and other control characters (tab and line breaks stay) and
 * without halves of surrogate pairs, which no person types and which break logs, exports and
 * other systems that read Linli's data. Applied at the edge to every string of a JSON body and
 * every form, query and path parameter.
 */
public final class CleanText {

  private CleanText() {}

  public static String clean(String s) {
    if (s == null || isClean(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          out.append(c).append(s.charAt(++i));
        }
      } else if (!Character.isLowSurrogate(c) && !isControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isClean(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isControl(c) || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
  }
}
