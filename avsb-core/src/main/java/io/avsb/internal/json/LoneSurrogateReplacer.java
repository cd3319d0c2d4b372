package io.avsb.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;

/**
 * A generator that writes each lone surrogate of a string or property name (half a pair, not
 * valid UTF-16) as {@code ?}, as {@code String.getBytes(UTF_8)} does, where Jackson's UTF-8
 * writer would write an escape that its own parser (and so perhaps the events service) rejects in
 * a property name. A string without one costs one scan and is passed on as it is. Not
 * thread-safe.
 */
final class LoneSurrogateReplacer extends JsonGeneratorDelegate {
  LoneSurrogateReplacer(JsonGenerator g) {
    super(g, false);
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    delegate.writeFieldName(wellFormed(name));
  }

  @Override
  public void writeString(String text) throws IOException {
    delegate.writeString(text == null ? null : wellFormed(text));
  }

  /** {@code s} with each lone surrogate replaced by {@code ?}; {@code s} itself if it has none. */
  static String wellFormed(String s) {
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else {
        return replaceFrom(s, i);
      }
    }
    return s;
  }

  private static String replaceFrom(String s, int first) {
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, first);
    int length = s.length();
    for (int i = first; i < length; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else {
        sb.append(Character.isSurrogate(c) ? '?' : c);
      }
    }
    return sb.toString();
  }
}
