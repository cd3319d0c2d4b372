package io.avsb.internal.datasource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.avsb.AvsbConfig;
import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import io.avsb.spi.DataKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
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
 * both in {@code flags} and in {@code flagValues}. JSON and YAML are read with the limits of {@link
 * JsonCodec#factory(int)}; a number too large for a double makes only its item malformed.
 * Thread-safe.
 */
public final class FlagFileParser {
  private static final Set<String> TOP_LEVEL = Set.of("flags", "segments", "flagValues");

  private FlagFileParser() {}

  /** Whether a file of this name is read as YAML. */
  public static boolean isYaml(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yml") || lower.endsWith(".yaml");
  }

  /**
   * Parses the file's bytes into a full data set, with the default limits.
   *
   * @throws IllegalArgumentException with a message fit for a log line when the content is bad
   */
  public static AvsbValue parse(byte[] content, boolean yaml) {
    try {
      return parse(content, yaml, AvsbConfig.DEFAULT_MAX_DATA_BYTES).toValue();
    } catch (IOException e) {
      throw new IllegalStateException("a parsed file cannot fail to read", e);
    }
  }

  /**
   * Parses the file's bytes, reading JSON with the limits for {@code maxBytes}, into a data set
   * whose items carry any problem reading them.
   *
   * @throws IllegalArgumentException with a message fit for a log line when the content is bad
   */
  public static DataSet parse(byte[] content, boolean yaml, int maxBytes) {
    Map<String, Map<String, Item>> doc = yaml ? parseYaml(content, maxBytes) : parseJson(content, maxBytes);
    Map<String, Item> flags = new LinkedHashMap<>(doc.getOrDefault("flags", Map.of()));
    for (Map.Entry<String, Item> e : doc.getOrDefault("flagValues", Map.of()).entrySet()) {
      if (flags.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "flag \"" + e.getKey() + "\" is in both \"flags\" and \"flagValues\"");
      }
      Item value = e.getValue();
      flags.put(e.getKey(), new Item(simpleFlag(e.getKey(), value.json()), value.problem()));
    }
    Map<String, Item> segments = doc.getOrDefault("segments", Map.of());
    return items -> {
      flags.forEach((key, item) -> items.item(DataKind.FLAGS, key, item.json(), item.problem()));
      segments.forEach((key, item) -> items.item(DataKind.SEGMENTS, key, item.json(), item.problem()));
    };
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

  private static Map<String, Map<String, Item>> parseJson(byte[] content, int maxBytes) {
    JsonFactory factory = JsonCodec.factory(maxBytes);
    try (JsonParser p = factory.createParser(
        new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new IllegalArgumentException("invalid JSON: no JSON content");
      }
      Map<String, Map<String, Item>> doc = document(p, t);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("invalid JSON: trailing content after JSON value"
            + where(p.currentLocation()));
      }
      return doc;
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException("the file holds " + JsonCodec.describe(e, factory)
          + where(e.getLocation()), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage() + where(e.getLocation()), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
  }

  private static Map<String, Map<String, Item>> parseYaml(byte[] content, int maxBytes) {
    YAMLFactory factory = YAMLFactory.builder().streamReadConstraints(JsonCodec.constraints(maxBytes)).build();
    try (JsonParser p = factory.createParser(content)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new IllegalArgumentException("invalid YAML: the file is empty");
      }
      return document(p, t);
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException("the file holds " + JsonCodec.describe(e, factory)
          + where(e.getLocation()), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid YAML: " + e.getOriginalMessage() + where(e.getLocation()), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid YAML: " + e.getMessage(), e);
    }
  }

  /** The top-level object: each known entry's items, read one by one. */
  private static Map<String, Map<String, Item>> document(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("the file must hold an object with \"flags\", "
          + "\"segments\" or \"flagValues\"");
    }
    Map<String, Map<String, Item>> out = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (!TOP_LEVEL.contains(name)) {
        unknown.add(name);
        p.skipChildren();
      } else if (value == JsonToken.START_OBJECT) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_OBJECT; e = p.nextToken()) {
          String key = p.currentName();
          DataSetReader.Problem problem = new DataSetReader.Problem();
          AvsbValue json = JsonCodec.readLenient(p, p.nextToken(), problem);
          items.put(key, new Item(json, problem.text));
        }
        out.put(name, items);
      } else if (value != JsonToken.VALUE_NULL) {
        throw new IllegalArgumentException("\"" + name + "\" must be an object of entries by key");
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown top-level entries " + unknown
          + "; expected \"flags\", \"segments\" or \"flagValues\"");
    }
    return out;
  }

  private static String where(JsonLocation location) {
    if (location != null && location.getLineNr() > 0) {
      return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
    return "";
  }

  /** One entry of the file as read, with why it cannot be used (or null). */
  private record Item(AvsbValue json, String problem) {}
}
