package io.avsb.internal.events;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded random inputs for the event writer's property tests: strings with every kind of
 * character JSON escapes or encodes differently, numbers at the edges of the writer's formats,
 * nested values, contexts with private attributes, and events and summaries built from them.
 */
final class RandomEvents {
  private static final String[] KINDS = {"user", "org", "device", "a.b", "x_Y-1"};
  private static final double[] NUMBERS = {
    0, -0.0, 1, -1, 3.0, 0.1, 1.5, -2.5, 123456.789, 1e15, 1e15 - 1, -1e15 + 1, 999999999999999.9,
    9007199254740992.0, 9007199254740994.0, 1e300, -1e300, 1e-300, Double.MIN_VALUE,
    Double.MAX_VALUE, -Double.MAX_VALUE, 4.9e-324, 1e21, 1e-7, 123e-20, Long.MAX_VALUE,
    Long.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, 2.5e-5, 100, 1e14 + 0.5
  };

  private final Random random;
  private final boolean loneSurrogates;

  /** Inputs from {@code seed}; strings hold lone surrogates only when {@code loneSurrogates}. */
  RandomEvents(long seed, boolean loneSurrogates) {
    // spread: java.util.Random's first draws from nearby seeds are nearly the same
    this.random = new Random(new SplittableRandom(seed).nextLong());
    this.loneSurrogates = loneSurrogates;
  }

  Random random() {
    return random;
  }

  /** A string of up to 12 characters, now and then a long one (past the generator's segments). */
  String string() {
    int length = random.nextInt(20) == 0 ? 900 + random.nextInt(2200) : random.nextInt(13);
    StringBuilder sb = new StringBuilder(length + 2);
    while (sb.length() < length) {
      appendChar(sb);
    }
    return sb.toString();
  }

  /** A non-empty string. */
  String nonEmpty() {
    String s = string();
    return s.isEmpty() ? "k" + random.nextInt(10) : s;
  }

  private void appendChar(StringBuilder sb) {
    switch (random.nextInt(loneSurrogates ? 10 : 9)) {
      case 0, 1, 2 -> sb.append((char) ('a' + random.nextInt(26)));
      case 3 -> sb.append("\"\\/'{}[]:, ".charAt(random.nextInt(11)));
      case 4 -> sb.append(random.nextBoolean() ? (char) random.nextInt(0x20) : (char) 0x7f);
      case 5 -> sb.append((char) (0x80 + random.nextInt(0x800 - 0x80)));
      case 6 -> {
        char c = (char) (0x800 + random.nextInt(0xD800 - 0x800));
        sb.append(random.nextInt(8) == 0 ? "\u2028\u2029\uFEFF\uFFFF\uFFFD".charAt(random.nextInt(5)) : c);
      }
      case 7 -> sb.append((char) (0xE000 + random.nextInt(0x10000 - 0xE000)));
      case 8 -> sb.appendCodePoint(0x10000 + random.nextInt(0x110000 - 0x10000));
      default -> sb.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate, or half a pair by chance
    }
  }

  double number() {
    return switch (random.nextInt(6)) {
      case 0 -> NUMBERS[random.nextInt(NUMBERS.length)];
      case 1 -> random.nextInt(2000) - 1000;
      case 2 -> (double) random.nextLong();
      case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20) * (random.nextBoolean() ? 1 : -1);
      case 4 -> finite(Double.longBitsToDouble(random.nextLong()));
      default -> Math.rint(random.nextGaussian() * 1e16);
    };
  }

  private static double finite(double d) {
    return Double.isFinite(d) ? d : 0.5;
  }

  /** A date or count: usually a plausible one, sometimes beyond what a double holds exactly. */
  long date() {
    return switch (random.nextInt(5)) {
      case 0 -> random.nextLong();
      case 1 -> -random.nextInt(1000);
      case 2 -> 999_999_999_999_999L + random.nextInt(3);
      default -> 1_700_000_000_000L + random.nextInt(1_000_000_000);
    };
  }

  /** A value nested up to {@code depth} levels. */
  AvsbValue value(int depth) {
    int pick = random.nextInt(depth > 0 ? 7 : 5);
    switch (pick) {
      case 0:
        return AvsbValue.NULL;
      case 1:
        return AvsbValue.of(random.nextBoolean());
      case 2:
        return AvsbValue.of(number());
      case 3:
      case 4:
        return AvsbValue.of(string());
      case 5: {
        List<AvsbValue> list = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          list.add(value(depth - 1));
        }
        return new AvsbValue.Arr(list);
      }
      default:
        return object(depth - 1);
    }
  }

  AvsbValue object(int depth) {
    Map<String, AvsbValue> map = new LinkedHashMap<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      map.put(random.nextInt(3) == 0 ? "k" + random.nextInt(4) : string(), value(depth));
    }
    return new AvsbValue.Obj(map);
  }

  /** A valid single or multi-context, with attributes and maybe its own private references. */
  AvsbContext context() {
    int parts = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
    List<String> kinds = new ArrayList<>(List.of(KINDS));
    List<AvsbContext> contexts = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      contexts.add(single(kinds.remove(random.nextInt(kinds.size()))));
    }
    AvsbContext c = parts == 1 ? contexts.get(0) : AvsbContext.multi(contexts.toArray(new AvsbContext[0]));
    if (!c.isValid()) {
      throw new IllegalStateException("generated an invalid context: " + c.error());
    }
    return c;
  }

  private AvsbContext single(String kind) {
    AvsbContext.Builder b = AvsbContext.builder(kind, nonEmpty());
    if (random.nextBoolean()) {
      b.name(string());
    }
    b.anonymous(random.nextInt(3) == 0);
    Map<String, AvsbValue> attributes = new LinkedHashMap<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      String name = random.nextInt(3) == 0 ? pick("email", "address", "plan", "a/b", "t~x") : nonEmpty();
      AvsbValue v = random.nextInt(3) == 0 ? object(2) : value(2);
      if (v.isNull()) {
        continue;
      }
      attributes.put(name, v);
      b.set(name, v);
    }
    if (random.nextBoolean()) {
      b.privateAttributes(refs(attributes, random.nextInt(4)).toArray(new String[0]));
    }
    return b.build();
  }

  /** References for {@link AvsbContext.Builder#privateAttributes} or the configuration. */
  List<String> refs(Map<String, AvsbValue> attributes, int count) {
    List<String> refs = new ArrayList<>();
    List<String> names = new ArrayList<>(attributes.keySet());
    for (int i = 0; i < count; i++) {
      switch (random.nextInt(7)) {
        case 0 -> refs.add(pick("email", "name", "key", "kind", "anonymous", "/address/street",
            "/address", "/a~1b", "t~x", "/t~0x", "phone", "/email/user"));
        case 1 -> refs.add(pick("", "/", "//", "/a/", "/~2", "/x~"));
        case 2 -> refs.add(names.isEmpty() ? "nothing" : names.get(random.nextInt(names.size())));
        default -> refs.add(names.isEmpty() ? "/nothing" : path(names.get(random.nextInt(names.size())),
            attributes));
      }
    }
    return refs;
  }

  /** A path into an attribute's nested objects (sometimes one step past what exists). */
  private String path(String name, Map<String, AvsbValue> attributes) {
    StringBuilder sb = new StringBuilder("/").append(escape(name));
    AvsbValue at = attributes.get(name);
    while (at instanceof AvsbValue.Obj o && !o.values().isEmpty() && random.nextInt(4) != 0) {
      List<String> keys = new ArrayList<>(o.values().keySet());
      String k = keys.get(random.nextInt(keys.size()));
      sb.append('/').append(escape(k));
      at = o.values().get(k);
    }
    if (random.nextInt(5) == 0) {
      sb.append("/missing");
    }
    return sb.toString();
  }

  private static String escape(String component) {
    return component.isEmpty() ? "~" : component.replace("~", "~0").replace("/", "~1");
  }

  /** Global private references: some configured names, some pointing into {@code context}. */
  Set<AttributeRef> globalRefs(AvsbContext context) {
    Set<AttributeRef> refs = new LinkedHashSet<>();
    if (random.nextBoolean()) {
      return refs;
    }
    AvsbContext part = context.individualContext(random.nextInt(context.individualContextCount()));
    for (String r : refs(part.attributes(), 1 + random.nextInt(3))) {
      refs.add(AttributeRef.of(r));
    }
    // a reference also named by the context, spelled another way
    for (AttributeRef r : part.privateAttributes()) {
      if (random.nextBoolean() && r.isValid() && r.depth() == 1) {
        refs.add(AttributeRef.of("/" + escape(r.component(0))));
      }
    }
    return refs;
  }

  EvaluationReason reason() {
    return switch (random.nextInt(7)) {
      case 0 -> EvaluationReason.off();
      case 1 -> EvaluationReason.fallthrough(random.nextBoolean());
      case 2 -> EvaluationReason.targetMatch();
      case 3, 4 -> EvaluationReason.ruleMatch(random.nextInt(5), random.nextBoolean() ? null : string(),
          random.nextBoolean());
      case 5 -> EvaluationReason.prerequisiteFailed(nonEmpty());
      default -> EvaluationReason.error(EvaluationReason.ErrorKind.values()[
          random.nextInt(EvaluationReason.ErrorKind.values().length)]);
    };
  }

  EvaluationEvent feature(AvsbContext context) {
    return new EvaluationEvent(date(), context, nonEmpty(), random.nextInt(4) == 0 ? -1 : random.nextInt(100),
        random.nextInt(4) == 0 ? -1 : random.nextInt(3), value(3), value(3), reason(),
        random.nextBoolean() ? null : nonEmpty(), true, random.nextBoolean());
  }

  CustomEvent custom(AvsbContext context) {
    AvsbValue data = random.nextInt(3) == 0 ? AvsbValue.NULL : value(4);
    Double metric = switch (random.nextInt(6)) {
      case 0, 1 -> null;
      case 2 -> Double.NaN;
      case 3 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      default -> number();
    };
    return new CustomEvent(date(), context, nonEmpty(), data, metric);
  }

  /** A summary of up to 20 flags, with unknown flags and counters without a variation. */
  EventSummary summary() {
    Map<String, EventSummary.FlagCounts> flags = new LinkedHashMap<>();
    for (int i = random.nextInt(21); i > 0; i--) {
      List<String> kinds = new ArrayList<>();
      for (int k = random.nextInt(3); k >= 0; k--) {
        kinds.add(pick(KINDS));
      }
      List<EventSummary.Counter> counters = new ArrayList<>();
      for (int c = random.nextInt(4); c >= 0; c--) {
        counters.add(new EventSummary.Counter(random.nextInt(3) - 1,
            random.nextInt(4) == 0 ? -1 : random.nextInt(50), value(2),
            random.nextInt(5) == 0 ? date() : 1 + random.nextInt(100_000)));
      }
      flags.put(nonEmpty(), new EventSummary.FlagCounts(value(2), kinds, counters));
    }
    return new EventSummary(date(), date(), flags);
  }

  private String pick(String... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
