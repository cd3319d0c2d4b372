package io.avsb.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import io.avsb.internal.json.JsonCodec;
import io.avsb.internal.json.ReasonJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The event writer against the value-tree path it replaced ({@link TreeEventOutputs}, written with
 * {@code JsonCodec.write(tree).getBytes(UTF_8)}): the same bytes for every event kind, over a few
 * thousand seeded random cases, lone surrogates included (both write them as {@code ?}).
 */
class EventJsonWriterEquivalenceTest {
  private static final int CASES = 3_000;
  // what the cases must have covered, as it shows in the JSON written
  private static final String[] COVERED = {
    "\"_meta\"", "\"redactedAttributes\":[\"/", "\"kind\":\"multi\"", "\"anonymous\":true",
    "\"inExperiment\":true", "\"prereqOf\"", "\"unknown\":true", "\"metricValue\"", "E-", "E1", "E30",
    "\\u00", "\\n", "\\\"", "\\\\", "\"ruleId\"", "\"errorKind\"", "\"prerequisiteKey\"",
    "\"contextKeys\":{\"", "{\"version\""
  };
  private final Map<String, Integer> seen = new LinkedHashMap<>();

  @Test
  void everyEventKindIsWrittenAsTheTreePathWroteIt() {
    for (int seed = 0; seed < CASES; seed++) {
      check(seed, false);
    }
    for (String s : COVERED) {
      assertThat(seen.getOrDefault(s, 0)).as("outputs with " + s).isGreaterThan(10);
    }
    assertThat(seen.get("4-byte UTF-8")).as("outputs with a surrogate pair").isGreaterThan(10);
  }

  @Test
  void loneSurrogatesAreWrittenAsTheTreePathWroteThem() {
    int withLoneSurrogates = 0;
    for (int seed = 0; seed < CASES / 3; seed++) {
      withLoneSurrogates += check(1_000_000 + seed, true);
    }
    assertThat(withLoneSurrogates).as("events whose strings held a lone surrogate").isPositive();
  }

  /** Checks every kind of event for one seed; returns how many held a lone surrogate. */
  private int check(long seed, boolean loneSurrogates) {
    RandomEvents r = new RandomEvents(seed, loneSurrogates);
    AvsbContext context = r.context();
    boolean allPrivate = r.random().nextInt(8) == 0;
    Set<AttributeRef> global = r.globalRefs(context);
    TreeEventOutputs oracle = new TreeEventOutputs(new TreeContextRedactor(allPrivate, global));
    EventJsonWriter writer = new EventJsonWriter(new ContextRedactor(allPrivate, global));
    String what = "seed " + seed + ", context " + context + ", global " + global + ", all " + allPrivate;
    EvaluationEvent feature = r.feature(context);
    CustomEvent custom = r.custom(context);
    IdentifyEvent identify = new IdentifyEvent(r.date(), context);
    long indexDate = r.date();
    EventSummary summary = r.summary();
    // one writer for all, as on the event thread: each event must stand alone
    int lone = 0;
    lone += same(what + " feature " + feature, oracle.feature(feature), writer.feature(feature));
    lone += same(what + " index", oracle.index(indexDate, context), writer.index(indexDate, context));
    lone += same(what + " identify", oracle.identify(identify), writer.identify(identify));
    lone += same(what + " custom " + custom, oracle.custom(custom), writer.custom(custom));
    lone += same(what + " summary " + summary, oracle.summary(summary), writer.summary(summary));
    return lone;
  }

  /**
   * Asserts that {@code written} is the old path's bytes for {@code tree}, and what the same tree
   * gives through the UTF-8 generator; 1 if the tree held a lone surrogate.
   */
  private int same(String what, AvsbValue tree, byte[] written) {
    String text = JsonCodec.write(tree);
    assertThat(written).as(what).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    assertThat(written).as(what).isEqualTo(utf8(tree));
    for (String c : COVERED) {
      if (text.contains(c)) {
        seen.merge(c, 1, Integer::sum);
      }
    }
    if (text.codePoints().anyMatch(cp -> cp > 0xFFFF)) {
      seen.merge("4-byte UTF-8", 1, Integer::sum);
    }
    return hasLoneSurrogate(text) ? 1 : 0;
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] utf8(AvsbValue tree) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonCodec.utf8Generator(out)) {
      JsonCodec.write(tree, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Test
  void everyReasonIsWrittenAsItsTreeForm() {
    RandomEvents r = new RandomEvents(7, false);
    for (int i = 0; i < 500; i++) {
      EvaluationReason reason = r.reason();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (JsonGenerator g = JsonCodec.utf8Generator(out)) {
        ReasonJson.write(reason, g);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertThat(out.toByteArray()).as(reason.toString())
          .isEqualTo(JsonCodec.write(ReasonJson.of(reason)).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void dataTooDeepToWriteFailsBothPathsAndTheWriterCarriesOn() {
    AvsbValue deep = AvsbValue.NULL;
    for (int i = 0; i < JsonSize.MAX_DEPTH; i++) {
      deep = AvsbValue.arrayOf(deep);
    }
    AvsbContext ann = AvsbContext.of("ann");
    CustomEvent tooDeep = new CustomEvent(1, ann, "deep", deep, null);
    TreeEventOutputs oracle = new TreeEventOutputs(new TreeContextRedactor(false, Set.of()));
    EventJsonWriter writer = new EventJsonWriter(new ContextRedactor(false, Set.of()));
    assertThatThrownBy(() -> JsonCodec.write(oracle.custom(tooDeep))).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> writer.custom(tooDeep)).isInstanceOf(UncheckedIOException.class);
    CustomEvent next = new CustomEvent(2, ann, "next", AvsbValue.of(1), 2.5);
    assertThat(writer.custom(next))
        .isEqualTo(JsonCodec.write(oracle.custom(next)).getBytes(StandardCharsets.UTF_8));
  }
}
