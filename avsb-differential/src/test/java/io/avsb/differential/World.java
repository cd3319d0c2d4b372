package io.avsb.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One generated data set: flags and segments in the JSON flag model, by key, and the contexts
 * (as JSON) to evaluate every flag for. Mutable only while the generator or minimiser builds it.
 *
 * @param flags flag JSON objects by key
 * @param segments segment JSON objects by key
 * @param contexts context JSON values
 */
record World(Map<String, Object> flags, Map<String, Object> segments, List<Object> contexts) {

  /**
   * The data file's text. For the reference, a flag or segment without {@code salt} gets {@code
   * "salt": ""}: the one known difference (docs/compatibility.md) is that the reference Java SDK
   * hashes a missing salt as {@code "null"} and this kit as {@code ""}.
   */
  String dataFile(boolean forReference) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("flags", forReference ? withEmptySalt(flags) : flags);
    doc.put("segments", forReference ? withEmptySalt(segments) : segments);
    return Json.write(doc);
  }

  private static Map<String, Object> withEmptySalt(Map<String, Object> items) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : items.entrySet()) {
      Object item = e.getValue();
      if (item instanceof Map<?, ?> m && m.get("salt") == null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
        copy.put("salt", "");
        item = copy;
      }
      out.put(e.getKey(), item);
    }
    return out;
  }

  /**
   * The smallest world in which {@code flagKey} evaluates as here for {@code context}: the flag,
   * the flags it reaches through prerequisites and the segments it reaches through segment
   * clauses.
   */
  World closure(String flagKey, Object context) {
    Set<String> flagKeys = new LinkedHashSet<>();
    Set<String> segmentKeys = new LinkedHashSet<>();
    List<String> pending = new ArrayList<>(List.of(flagKey));
    while (!pending.isEmpty()) {
      String k = pending.remove(pending.size() - 1);
      if (!flagKeys.add(k) || !(flags.get(k) instanceof Map<?, ?> flag)) {
        continue;
      }
      if (flag.get("prerequisites") instanceof List<?> prereqs) {
        for (Object p : prereqs) {
          if (p instanceof Map<?, ?> pm && pm.get("key") instanceof String pk) {
            pending.add(pk);
          }
        }
      }
      collectSegments(flag, segmentKeys);
    }
    Map<String, Object> f = new LinkedHashMap<>();
    for (String k : flagKeys) {
      if (flags.containsKey(k)) {
        f.put(k, Json.copy(flags.get(k)));
      }
    }
    Map<String, Object> s = new LinkedHashMap<>();
    for (String k : segmentKeys) {
      if (segments.containsKey(k)) {
        s.put(k, Json.copy(segments.get(k)));
      }
    }
    return new World(f, s, new ArrayList<>(List.of(Json.copy(context))));
  }

  private void collectSegments(Object item, Set<String> out) {
    if (!(item instanceof Map<?, ?> m) || !(m.get("rules") instanceof List<?> rules)) {
      return;
    }
    for (Object rule : rules) {
      if (!(rule instanceof Map<?, ?> rm) || !(rm.get("clauses") instanceof List<?> clauses)) {
        continue;
      }
      for (Object c : clauses) {
        if (c instanceof Map<?, ?> cm && "segmentMatch".equals(cm.get("op"))
            && cm.get("values") instanceof List<?> values) {
          for (Object v : values) {
            if (v instanceof String key && out.add(key)) {
              collectSegments(segments.get(key), out);
            }
          }
        }
      }
    }
  }
}
