package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import io.avsb.spi.DataKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The token path must give what the JSON-value path ({@link DataSetLoad#parse} after {@link
 * JsonCodec#readLenient}) gives for every item: compared field by field for rich flags and
 * segments and for every variant made by replacing, removing, repeating or nulling each of their
 * properties and elements, wrong types and numbers too large for a double included.
 */
class ItemTokensTest {
  private static final JsonFactory JSON = JsonCodec.factory(1 << 20);

  private static final String FLAG = """
      {"key": "f", "version": 12, "on": true, "salt": "pepper", "variations": [false, true,
        {"a": [1, 2.5, null]}, "s", 1025], "offVariation": 0, "trackEvents": false,
       "trackEventsFallthrough": true, "debugEventsUntilDate": 1700000000000,
       "prerequisites": [{"key": "p1", "variation": 1}],
       "targets": [{"values": ["u1", "u2"], "variation": 1}, {"values": ["u3"], "variation": 0}],
       "contextTargets": [{"contextKind": "user", "values": [], "variation": 1},
         {"contextKind": "org", "values": ["o1"], "variation": 0}],
       "rules": [
         {"id": "r0", "variation": 1, "trackEvents": true, "clauses": [
           {"contextKind": "user", "attribute": "plan", "op": "in", "values": ["pro", "team"],
            "negate": false},
           {"attribute": "email", "op": "endsWith", "values": ["@example.com"], "negate": true},
           {"contextKind": "", "attribute": "/a/b", "op": "matches", "values": ["^x.*"]}]},
         {"id": "r1", "clauses": [{"attribute": "key", "op": "segmentMatch", "values": ["s1"]}],
          "rollout": {"kind": "experiment", "seed": 61, "contextKind": "org", "bucketBy": "name",
            "variations": [{"variation": 0, "weight": 50000, "untracked": false},
                           {"variation": 1, "weight": 50000, "untracked": true}]}}],
       "fallthrough": {"rollout": {"variations": [{"variation": 0, "weight": 30000},
         {"variation": 1, "weight": 70000}], "bucketBy": "country"}},
       "clientSideAvailability": {"usingEnvironmentId": true, "usingMobileKey": false},
       "clientSide": true, "_site": {"href": "/x", "n": [1, {"deep": true}]}}
      """;

  private static final String SEGMENT = """
      {"key": "s", "version": 4, "salt": "s-salt", "included": ["a", "b"], "excluded": ["c"],
       "includedContexts": [{"contextKind": "org", "values": ["o1"]}],
       "excludedContexts": [{"contextKind": "user", "values": ["x"]}], "unbounded": false,
       "rules": [{"id": "sr0", "weight": 50000, "bucketBy": "key", "rolloutContextKind": "org",
         "clauses": [{"contextKind": "org", "attribute": "tier", "op": "lessThan",
           "values": [3]}, {"attribute": "key", "op": "segmentMatch", "values": ["s2"]}]},
         {"clauses": [{"attribute": "beta", "op": "in", "values": [true]}]}],
       "generation": 2}
      """;

  private static final List<String> REPLACEMENTS = List.of("\"str\"", "\"\"", "1.5", "-1",
      "true", "null", "{}", "[]", "1e400", "[\"x\"]", "{\"variation\": 0}", "99999999999", "1E2");

  @Test
  void richFlagsAndSegmentsAreReadAsTheValuePathReadsThem() throws IOException {
    assertSame(DataKind.FLAGS, FLAG);
    assertSame(DataKind.SEGMENTS, SEGMENT);
    assertThat(read(DataKind.FLAGS, FLAG).item()).isInstanceOfSatisfying(Flag.class,
        f -> assertThat(f.malformedError()).isNull());
    assertThat(read(DataKind.SEGMENTS, SEGMENT).item()).isInstanceOfSatisfying(Segment.class,
        s -> assertThat(s.malformedError()).isNull());
  }

  @Test
  void cleanItemsAreBuiltFromTheTokensAndOthersFromAJsonValue() throws IOException {
    ItemTokens tokens = new ItemTokens(new Shared());
    read(tokens, DataKind.FLAGS, FLAG);
    read(tokens, DataKind.SEGMENTS, SEGMENT);
    read(tokens, DataKind.FLAGS, "{\"version\": 1, \"variations\": [true], \"on\": null}");
    assertThat(tokens.valueReads()).isZero();
    read(tokens, DataKind.FLAGS, "{\"version\": 1, \"on\": \"yes\"}");
    read(tokens, DataKind.FLAGS, "{\"version\": 1, \"version\": 1}");
    read(tokens, DataKind.FLAGS, "{\"version\": 1, \"rules\": [{\"weight\": 1e400}]}");
    read(tokens, DataKind.SEGMENTS, "[]");
    assertThat(tokens.valueReads()).isEqualTo(4);
  }

  @Test
  void everyVariantOfAFlagIsReadAsTheValuePathReadsIt() throws IOException {
    int malformed = checkVariants(DataKind.FLAGS, FLAG);
    // the variants include many malformed flags: their messages were compared too
    assertThat(malformed).isGreaterThan(1_000);
  }

  @Test
  void everyVariantOfASegmentIsReadAsTheValuePathReadsIt() throws IOException {
    assertThat(checkVariants(DataKind.SEGMENTS, SEGMENT)).isGreaterThan(400);
  }

  @Test
  void itemsThatAreNotObjectsAndTombstonesAreReadAsTheValuePathReadsThem() throws IOException {
    for (String json : List.of("\"flag\"", "12", "1e400", "null", "[{\"version\": 2}]", "true",
        "{}", "{\"deleted\": true, \"version\": 5}", "{\"deleted\": true, \"version\": \"5\"}",
        "{\"deleted\": true, \"version\": 1e400}", "{\"deleted\": true, \"rules\": 3}",
        "{\"version\": 3, \"version\": 4}", "{\"on\": true, \"on\": null}")) {
      assertSame(DataKind.FLAGS, json);
      assertSame(DataKind.SEGMENTS, json);
    }
  }

  @Test
  void aBadNumberIsTheItemsProblemWordedAsTheValuePathWordsIt() throws IOException {
    StoredItem<?> item = read(DataKind.FLAGS, "{\"version\": 2, \"rules\": [{\"weight\": 1e999}]}");
    assertThat(((Flag) item.item()).malformedError())
        .isEqualTo("a number out of range in \"weight\": 1e999");
  }

  @Test
  void aSyntaxErrorInsideAnItemFailsTheRead() {
    assertThatThrownBy(() -> read(DataKind.FLAGS, "{\"rules\": [{\"id\": \"r\",]}"))
        .isInstanceOf(IOException.class);
  }

  /** Checks every variant of {@code base}; returns how many were malformed items. */
  private static int checkVariants(DataKind kind, String base) throws IOException {
    AvsbValue tree = AvsbValue.parse(base);
    List<List<Object>> paths = new ArrayList<>();
    paths(tree, new ArrayList<>(), paths);
    int malformed = 0;
    int checked = 0;
    for (List<Object> path : paths) {
      List<String> variants = new ArrayList<>();
      for (String r : REPLACEMENTS) {
        variants.add(write(tree, path, Edit.REPLACE, r));
      }
      if (path.get(path.size() - 1) instanceof String) {
        variants.add(write(tree, path, Edit.REMOVE, null));
        variants.add(write(tree, path, Edit.REPEAT, "null"));
        variants.add(write(tree, path, Edit.REPEAT, "\"again\""));
      }
      for (String variant : variants) {
        if (assertSame(kind, variant)) {
          malformed++;
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(paths.size() * REPLACEMENTS.size() - 1);
    return malformed;
  }

  /** Asserts that both paths give the same item; returns whether it is malformed. */
  private static boolean assertSame(DataKind kind, String json) throws IOException {
    StoredItem<?> expected = readAsValue(kind, json);
    StoredItem<?> actual = read(kind, json);
    assertThat(actual).as(json).usingRecursiveComparison()
        .withComparatorForType((a, b) -> a.pattern().compareTo(b.pattern()), Pattern.class)
        .isEqualTo(expected);
    return DataSetLoad.malformedError(expected.item()) != null;
  }

  // each read is embedded in a document, and must stop at the item's last token
  private static StoredItem<?> read(DataKind kind, String json) throws IOException {
    return read(new ItemTokens(new Shared()), kind, json);
  }

  private static StoredItem<?> read(ItemTokens tokens, DataKind kind, String json)
      throws IOException {
    try (JsonParser p = JSON.createParser("{\"item\": " + json + ", \"after\": 1}")) {
      p.nextToken();
      p.nextToken();
      p.nextToken();
      StoredItem<?> item = tokens.read(kind, "k", p, new Strings());
      assertThat(p.nextToken()).as(json).isEqualTo(JsonToken.FIELD_NAME);
      assertThat(p.currentName()).isEqualTo("after");
      return item;
    }
  }

  private static StoredItem<?> readAsValue(DataKind kind, String json) throws IOException {
    try (JsonParser p = JSON.createParser("{\"item\": " + json + ", \"after\": 1}")) {
      p.nextToken();
      p.nextToken();
      String[] problem = new String[1];
      AvsbValue value = JsonCodec.readLenient(p, p.nextToken(), s -> {
        if (problem[0] == null) {
          problem[0] = s;
        }
      }, new Strings());
      return DataSetLoad.parse(kind, "k", value, problem[0], new Shared());
    }
  }

  /** Equal strings as one value, as the data sources read them. */
  private static final class Strings implements Function<String, AvsbValue> {
    private final Map<String, AvsbValue> seen = new HashMap<>();

    @Override
    public AvsbValue apply(String s) {
      return seen.computeIfAbsent(s, AvsbValue::of);
    }
  }

  private enum Edit { REPLACE, REMOVE, REPEAT }

  private static void paths(AvsbValue v, List<Object> at, List<List<Object>> out) {
    if (v instanceof AvsbValue.Obj o) {
      for (Map.Entry<String, AvsbValue> e : o.values().entrySet()) {
        List<Object> p = new ArrayList<>(at);
        p.add(e.getKey());
        out.add(p);
        paths(e.getValue(), p, out);
      }
    } else if (v instanceof AvsbValue.Arr a) {
      for (int i = 0; i < a.values().size(); i++) {
        List<Object> p = new ArrayList<>(at);
        p.add(i);
        out.add(p);
        paths(a.values().get(i), p, out);
      }
    }
  }

  /** {@code v} as JSON text with the value at {@code path} edited. */
  private static String write(AvsbValue v, List<Object> path, Edit edit, String replacement) {
    StringBuilder b = new StringBuilder();
    write(v, path, 0, edit, replacement, b);
    return b.toString();
  }

  private static void write(AvsbValue v, List<Object> path, int depth, Edit edit,
      String replacement, StringBuilder b) {
    Object step = depth < path.size() ? path.get(depth) : null;
    boolean last = depth == path.size() - 1;
    if (v instanceof AvsbValue.Obj o) {
      Map<String, AvsbValue> values = new LinkedHashMap<>(o.values());
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, AvsbValue> e : values.entrySet()) {
        boolean here = e.getKey().equals(step);
        if (here && last && edit == Edit.REMOVE) {
          continue;
        }
        if (!first) {
          b.append(',');
        }
        first = false;
        b.append(JsonCodec.write(AvsbValue.of(e.getKey()))).append(':');
        if (here && last && edit == Edit.REPLACE) {
          b.append(replacement);
        } else {
          write(e.getValue(), here ? path : List.of(), here ? depth + 1 : Integer.MAX_VALUE,
              edit, replacement, b);
        }
        if (here && last && edit == Edit.REPEAT) {
          b.append(',').append(JsonCodec.write(AvsbValue.of(e.getKey()))).append(':')
              .append(replacement);
        }
      }
      b.append('}');
    } else if (v instanceof AvsbValue.Arr a) {
      b.append('[');
      for (int i = 0; i < a.values().size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        boolean here = step instanceof Integer n && n == i;
        if (here && last) {
          b.append(replacement);
        } else {
          write(a.values().get(i), here ? path : List.of(), here ? depth + 1 : Integer.MAX_VALUE,
              edit, replacement, b);
        }
      }
      b.append(']');
    } else {
      b.append(JsonCodec.write(v));
    }
  }
}
