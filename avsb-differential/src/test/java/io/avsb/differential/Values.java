package io.avsb.differential;

import static io.avsb.differential.Json.arr;
import static io.avsb.differential.Json.obj;
import static io.avsb.differential.Pools.DATES;
import static io.avsb.differential.Pools.KEYS;
import static io.avsb.differential.Pools.NUMBERS;
import static io.avsb.differential.Pools.STRINGS;
import static io.avsb.differential.Pools.VERSIONS;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random JSON values from the {@link Pools}, with versions and dates sometimes edited at random
 * (to reach parser corners no list holds). Not thread-safe: it draws from one seeded {@link
 * Random}, shared with the generator so that one seed gives one world.
 */
final class Values {
  final Random r;

  Values(Random r) {
    this.r = r;
  }

  /** One to three context keys. */
  List<Object> keys() {
    List<Object> out = arr();
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      out.add(pick(KEYS));
    }
    return out;
  }

  /** A value for context attribute {@code attr}: mostly of the type its clauses test. */
  Object attributeValue(String attr) {
    if (r.nextInt(5) == 0) {
      return anyValue(2);
    }
    switch (attr) {
      case "when":
        return r.nextInt(3) == 0 ? pick(NUMBERS) : date();
      case "version":
        return version();
      case "n":
        return pick(NUMBERS);
      case "arr": {
        List<Object> a = arr();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(r.nextInt(4) == 0 ? anyValue(1) : r.nextBoolean() ? pick(KEYS) : anyScalar());
        }
        return a;
      }
      case "obj":
        return obj("x", anyScalar(), "y", obj("z", anyScalar()));
      default:
        return r.nextBoolean() ? pick(KEYS) : anyScalar();
    }
  }
  /** A null, boolean, number, version, date or string. */
  Object anyScalar() {
    switch (r.nextInt(9)) {
      case 0:
        return null;
      case 1:
        return r.nextBoolean();
      case 2:
      case 3:
        return pick(NUMBERS);
      case 4:
        return version();
      case 5:
        return date();
      default:
        return pick(STRINGS);
    }
  }

  /** Any JSON value, arrays and objects nested up to {@code depth}. */
  Object anyValue(int depth) {
    int roll = depth == 0 ? 9 : r.nextInt(12);
    if (roll == 0) {
      List<Object> a = arr();
      for (int i = r.nextInt(3); i > 0; i--) {
        a.add(anyValue(depth - 1));
      }
      return a;
    }
    if (roll == 1) {
      Map<String, Object> o = obj();
      for (int i = r.nextInt(3); i > 0; i--) {
        o.put(pick(new String[] {"x", "y", "z"}), anyValue(depth - 1));
      }
      return o;
    }
    return anyScalar();
  }

  /** A version from the pool, sometimes with a random edit. */
  String version() {
    String v = pick(VERSIONS);
    return r.nextInt(4) == 0 ? mutate(v, "0123456789.-+aZ") : v;
  }

  /** A date from the pool, sometimes with a random edit. */
  String date() {
    String d = pick(DATES);
    return r.nextInt(4) == 0 ? mutate(d, "0123456789+-:.TtZz[]/ UTCGMEurope/London") : d;
  }

  private String mutate(String s, String alphabet) {
    StringBuilder sb = new StringBuilder(s);
    for (int edits = 1 + r.nextInt(2); edits > 0; edits--) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
      char c = alphabet.charAt(r.nextInt(alphabet.length()));
      int kind = sb.length() == 0 ? 0 : r.nextInt(3);
      if (kind == 0) {
        sb.insert(at, c);
      } else if (kind == 1) {
        sb.deleteCharAt(at);
      } else {
        sb.setCharAt(at, c);
      }
    }
    return sb.toString();
  }

  /** One of {@code values}. */
  <T> T pick(T[] values) {
    return values[r.nextInt(values.length)];
  }

  /** One of {@code values}. */
  String pick(List<String> values) {
    return values.get(r.nextInt(values.size()));
  }
}
