package io.avsb.internal.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which request headers make a context: one header gives the key, others give string attributes.
 * Immutable and thread-safe.
 *
 * @param keyHeader the header holding the context key, such as {@code x-user-id}
 * @param attributeHeaders header name to attribute name, in a fixed order
 */
public record HeaderMapping(String keyHeader, Map<String, String> attributeHeaders) {
  private static final Set<String> RESERVED = Set.of("kind", "key", "anonymous", "_meta");

  /** The default mapping: {@code x-user-id} gives the key, {@code x-user-plan} {@code plan}. */
  public static final HeaderMapping DEFAULT =
      new HeaderMapping("x-user-id", Map.of("x-user-plan", "plan"));

  /** Checks that every name is a valid header token and no attribute is a reserved one. */
  public HeaderMapping {
    requireToken(keyHeader, "keyHeader");
    Objects.requireNonNull(attributeHeaders, "attributeHeaders");
    Map<String, String> copy = new LinkedHashMap<>();
    attributeHeaders.forEach(
        (header, attribute) -> {
          requireToken(header, "attributeHeaders header");
          if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException(
                "attributeHeaders: the attribute for header " + header + " must not be blank");
          }
          if (RESERVED.contains(attribute)) {
            throw new IllegalArgumentException(
                "attributeHeaders: attribute " + attribute + " is reserved, not for a header");
          }
          copy.put(header, attribute);
        });
    attributeHeaders = Collections.unmodifiableMap(copy);
  }

  /**
   * Parses configuration text: {@code keyHeader} alone, and {@code spec} as comma-separated
   * {@code header=attribute} pairs such as {@code x-user-plan=plan, x-user-region=region}. A null
   * argument keeps the default's value; an empty {@code spec} means no attribute headers.
   *
   * @throws IllegalArgumentException naming the argument when the text is malformed
   */
  public static HeaderMapping parse(String keyHeader, String spec) {
    String key = keyHeader == null ? DEFAULT.keyHeader() : keyHeader.trim();
    if (spec == null) {
      return new HeaderMapping(key, DEFAULT.attributeHeaders());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "attributeHeaders: expected header=attribute, found " + pair.trim());
      }
      attributes.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return new HeaderMapping(key, attributes);
  }

  private static void requireToken(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        throw new IllegalArgumentException(what + " must be an HTTP header name, was " + name);
      }
    }
  }
}
