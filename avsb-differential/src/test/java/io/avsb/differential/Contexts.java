package io.avsb.differential;

import static io.avsb.differential.Json.arr;
import static io.avsb.differential.Json.obj;
import static io.avsb.differential.Pools.ATTRIBUTES;
import static io.avsb.differential.Pools.KEYS;
import static io.avsb.differential.Pools.KINDS;
import static io.avsb.differential.Pools.STRINGS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random contexts as JSON: single contexts of any kind (mostly {@code user}), multi-contexts of
 * one to three kinds (and an empty one), old-style user objects, with attributes of every JSON
 * type, private-attribute metadata and, now and then, an invalid key, kind, name or anonymous
 * flag. Not thread-safe.
 */
final class Contexts {
  private final Values v;
  private final Random r;

  Contexts(Values values) {
    this.v = values;
    this.r = values.r;
  }

  Object context() {
    int roll = r.nextInt(20);
    if (roll == 0) {
      return oldUser();
    }
    if (roll < 6) {
      Map<String, Object> multi = obj("kind", "multi");
      List<String> kinds = new ArrayList<>(List.of("user", "org", "device", "Team_1.x"));
      // mostly two or three kinds; sometimes one, or none (invalid)
      int count = r.nextInt(15) == 0 ? r.nextInt(2) : 2 + r.nextInt(2);
      for (int i = count; i > 0 && !kinds.isEmpty(); i--) {
        String kind = kinds.remove(r.nextInt(kinds.size()));
        Map<String, Object> single = single(kind);
        single.remove("kind");
        multi.put(kind, single);
      }
      return multi;
    }
    return single(r.nextInt(4) == 0 ? v.pick(KINDS) : "user");
  }

  private Map<String, Object> single(String kind) {
    Map<String, Object> c = obj("kind", kind, "key", r.nextInt(40) == 0 ? "" : v.pick(KEYS));
    if (r.nextInt(50) == 0) {
      c.put("kind", r.nextBoolean() ? "kind" : "bad kind");
    }
    if (r.nextInt(4) == 0) {
      c.put("name", r.nextInt(20) == 0 ? (Object) 5L : v.pick(STRINGS));
    }
    if (r.nextInt(6) == 0) {
      c.put("anonymous", r.nextInt(30) == 0 ? (Object) "yes" : (Object) r.nextBoolean());
    }
    if (r.nextInt(10) == 0) {
      c.put("_meta", obj("privateAttributes", arr(v.pick(ATTRIBUTES))));
    }
    for (int i = r.nextInt(7); i > 0; i--) {
      String attr = v.pick(ATTRIBUTES);
      if (attr.equals("kind") || attr.equals("key") || attr.equals("name")
          || attr.equals("anonymous") || attr.equals("_meta")) {
        continue;
      }
      c.put(attr, v.attributeValue(attr));
    }
    return c;
  }

  private Map<String, Object> oldUser() {
    Map<String, Object> u = obj("key", r.nextInt(10) == 0 ? "" : v.pick(KEYS));
    if (r.nextBoolean()) {
      u.put("name", v.pick(STRINGS));
    }
    if (r.nextBoolean()) {
      u.put("email", v.pick(STRINGS));
    }
    if (r.nextBoolean()) {
      u.put("country", v.pick(STRINGS));
    }
    if (r.nextInt(4) == 0) {
      u.put("anonymous", r.nextBoolean());
    }
    Map<String, Object> custom = obj();
    for (int i = r.nextInt(4); i > 0; i--) {
      String attr = v.pick(new String[] {"tier", "version", "when", "n", "arr", "obj", "a"});
      custom.put(attr, v.attributeValue(attr));
    }
    if (!custom.isEmpty()) {
      u.put("custom", custom);
    }
    return u;
  }

}
