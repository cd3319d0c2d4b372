package io.avsb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the two JSON shapes of a context (with {@code kind}, and the older user shape). */
final class ContextParser {
  private static final Set<String> OLD_USER_BUILT_INS =
      Set.of("email", "firstName", "lastName", "avatar", "ip", "country");

  private ContextParser() {}

  static AvsbContext parse(AvsbValue json) {
    if (!(json instanceof AvsbValue.Obj obj)) {
      return AvsbContext.invalid("context must be a JSON object");
    }
    AvsbValue kind = obj.values().get("kind");
    if (kind == null) {
      return parseOldUser(obj);
    }
    if (!kind.isString()) {
      return AvsbContext.invalid("context kind must be a string");
    }
    if (AvsbContext.MULTI_KIND.equals(kind.stringValue())) {
      return parseMulti(obj);
    }
    return parseSingle(kind.stringValue(), obj);
  }

  private static AvsbContext parseMulti(AvsbValue.Obj obj) {
    List<AvsbContext> parts = new ArrayList<>();
    for (Map.Entry<String, AvsbValue> e : obj.values().entrySet()) {
      if (e.getKey().equals("kind")) {
        continue;
      }
      if (!(e.getValue() instanceof AvsbValue.Obj part)) {
        return AvsbContext.invalid("multi-context entry " + e.getKey() + " must be an object");
      }
      parts.add(parseSingle(e.getKey(), part));
    }
    if (parts.isEmpty()) {
      return AvsbContext.invalid("a multi-context must contain at least one context");
    }
    if (parts.size() == 1) {
      // a multi-context of one kind is that context, kept apart so its own error shows
      return parts.get(0);
    }
    return AvsbContext.multi(parts.toArray(new AvsbContext[0]));
  }

  private static AvsbContext parseSingle(String kind, AvsbValue.Obj obj) {
    AvsbValue key = obj.values().get("key");
    AvsbContext.Builder b = AvsbContext.builder(kind, key == null ? null : key.stringValue());
    if (key != null && !key.isString()) {
      b.error("context key must be a string");
    }
    for (Map.Entry<String, AvsbValue> e : obj.values().entrySet()) {
      String name = e.getKey();
      if (name.equals("kind") || name.equals("key")) {
        continue;
      }
      if (name.equals("_meta")) {
        readMeta(b, e.getValue());
      } else {
        b.set(name, e.getValue());
      }
    }
    return b.build();
  }

  private static void readMeta(AvsbContext.Builder b, AvsbValue meta) {
    AvsbValue privates = meta.get("privateAttributes");
    for (int i = 0; i < privates.size(); i++) {
      String ref = privates.get(i).stringValue();
      if (ref != null) {
        b.privateAttributes(ref);
      }
    }
  }

  private static AvsbContext parseOldUser(AvsbValue.Obj obj) {
    AvsbValue key = obj.values().get("key");
    AvsbContext.Builder b = AvsbContext.builder(AvsbContext.DEFAULT_KIND, null).allowEmptyKey();
    if (key == null || !key.isString()) {
      b.error("user key must be a string");
    } else {
      b.key(key.stringValue());
    }
    for (Map.Entry<String, AvsbValue> e : obj.values().entrySet()) {
      String name = e.getKey();
      AvsbValue v = e.getValue();
      if (name.equals("name") || name.equals("anonymous")) {
        b.set(name, v);
      } else if (OLD_USER_BUILT_INS.contains(name)) {
        if (!v.isNull() && !v.isString()) {
          b.error("user attribute " + name + " must be a string");
        }
        b.set(name, v);
      } else if (name.equals("custom") && v instanceof AvsbValue.Obj custom) {
        for (Map.Entry<String, AvsbValue> c : custom.values().entrySet()) {
          String cn = c.getKey();
          // custom entries cannot shadow the built-ins of the user shape
          if (!cn.equals("kind") && !cn.equals("key") && !cn.equals("name")
              && !cn.equals("anonymous") && !cn.equals("_meta") && !cn.isEmpty()) {
            b.set(cn, c.getValue());
          }
        }
      } else if (name.equals("privateAttributeNames")) {
        for (int i = 0; i < v.size(); i++) {
          String attr = v.get(i).stringValue();
          if (attr != null && !attr.isEmpty()) {
            b.privateAttributes("/" + attr.replace("~", "~0").replace("/", "~1"));
          }
        }
      } else if (!name.equals("key") && !name.equals("secondary") && !name.equals("_meta")) {
        // the reference user shape ignores other top-level entries; a Java map such as
        // {key: u1, plan: pro} clearly means them as attributes, so they are kept
        b.set(name, v);
      }
    }
    return b.build();
  }
}
