package io.avsb.internal.datasource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the text of a flags file into a full data set ({@code {"flags": ..., "segments": ...}}).
 *
 * <p>A file ending in {@code .yml} or {@code .yaml} is YAML, any other JSON. The document is an
 * object with any of: {@code flags} (flags in the A vs B flag model, by key), {@code segments}
 * (segments by key) and {@code flagValues} (key to value: each becomes a flag that is on, with the
 * value as its one variation, served by fallthrough and when off, at version 1). A key may not be
 * both in {@code flags} and in {@code flagValues}. Thread-safe.
 */
public final class FlagFileParser {
  private static final Set<String> TOP_LEVEL = Set.of("flags", "segments", "flagValues");
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
      .build();

  private FlagFileParser() {}

  /** Whether a file of this name is read as YAML. */
  public static boolean isYaml(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yml") || lower.endsWith(".yaml");
  }

  /**
   * Parses the file's bytes into a full data set.
   *
   * @throws IllegalArgumentException with a message fit for a log line when the content is bad
   */
  public static AvsbValue parse(byte[] content, boolean yaml) {
    AvsbValue doc = yaml ? parseYaml(content) : parseJson(content);
    if (!(doc instanceof AvsbValue.Obj obj)) {
      throw new IllegalArgumentException("the file must hold an object with \"flags\", "
          + "\"segments\" or \"flagValues\"");
    }
    List<String> unknown = new ArrayList<>();
    for (String name : obj.values().keySet()) {
      if (!TOP_LEVEL.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown top-level entries " + unknown
          + "; expected \"flags\", \"segments\" or \"flagValues\"");
    }
    Map<String, AvsbValue> flags = new LinkedHashMap<>(objectOrEmpty(obj, "flags"));
    for (Map.Entry<String, AvsbValue> e : objectOrEmpty(obj, "flagValues").entrySet()) {
      if (flags.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "flag \"" + e.getKey() + "\" is in both \"flags\" and \"flagValues\"");
      }
      flags.put(e.getKey(), simpleFlag(e.getKey(), e.getValue()));
    }
    Map<String, AvsbValue> data = new LinkedHashMap<>();
    data.put("flags", new AvsbValue.Obj(flags));
    data.put("segments", new AvsbValue.Obj(objectOrEmpty(obj, "segments")));
    return new AvsbValue.Obj(data);
  }

  private static Map<String, AvsbValue> objectOrEmpty(AvsbValue.Obj doc, String name) {
    AvsbValue v = doc.get(name);
    if (v.isNull()) {
      return Map.of();
    }
    if (!(v instanceof AvsbValue.Obj o)) {
      throw new IllegalArgumentException("\"" + name + "\" must be an object of entries by key");
    }
    return o.values();
  }

  private static AvsbValue simpleFlag(String key, AvsbValue value) {
    Map<String, AvsbValue> flag = new LinkedHashMap<>();
    flag.put("key", AvsbValue.of(key));
    flag.put("version", AvsbValue.of(1));
    flag.put("on", AvsbValue.TRUE);
    flag.put("variations", AvsbValue.arrayOf(value));
    flag.put("fallthrough", new AvsbValue.Obj(Map.of("variation", AvsbValue.of(0))));
    flag.put("offVariation", AvsbValue.of(0));
    return new AvsbValue.Obj(flag);
  }

  private static AvsbValue parseJson(byte[] content) {
    try {
      return JsonCodec.parse(new String(content, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + where(e.getCause()), e);
    }
  }

  private static String where(Throwable cause) {
    if (cause instanceof JsonProcessingException j && j.getLocation() != null) {
      return " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
    }
    return "";
  }

  private static AvsbValue parseYaml(byte[] content) {
    try (JsonParser p = YAML.createParser(content)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new IllegalArgumentException("invalid YAML: the file is empty");
      }
      return JsonCodec.read(p, t);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid YAML: " + e.getOriginalMessage() + where(e), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid YAML: " + e.getMessage(), e);
    }
  }
}
