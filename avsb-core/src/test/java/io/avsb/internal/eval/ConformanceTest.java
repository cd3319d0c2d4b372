package io.avsb.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.internal.store.DataLookup;
import io.avsb.internal.store.Flag;
import io.avsb.internal.store.FlagParser;
import io.avsb.internal.store.Segment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the conformance directory (see {@link ConformanceSuites#directory()})
 * through the parser and evaluator, the value passing through the typed getter its {@code
 * valueType} names, and compares value, variation index and reason exactly. A case without a
 * default (or with a null one) gets the zero value of the type of the flag's first variation, as
 * the upstream runner of these cases does; two prerequisite-cycle cases rely on it.
 */
class ConformanceTest {
  private static final Map<String, int[]> PASSED_OF_TOTAL = new LinkedHashMap<>();

  @TestFactory
  Stream<DynamicNode> everyConformanceCasePasses() throws Exception {
    Path dir = ConformanceSuites.directory();
    ConformanceSuites.requireCaseFiles(dir);
    List<DynamicNode> suites = new ArrayList<>();
    int cases = 0;
    for (ConformanceSuites.Suite suite : ConformanceSuites.loadAll(dir)) {
      DataLookup data = lookup(suite.sdkData());
      String suiteName = suite.file() + ": " + suite.name();
      int[] counts = PASSED_OF_TOTAL.computeIfAbsent(suiteName, k -> new int[2]);
      List<DynamicTest> tests = new ArrayList<>();
      for (int i = 0; i < suite.cases().size(); i++) {
        Map<String, Object> c = suite.cases().get(i);
        counts[1]++;
        cases++;
        String name = "#" + i + " " + c.getOrDefault("name", c.get("flagKey"));
        tests.add(DynamicTest.dynamicTest(name, () -> {
          runCase(data, c);
          counts[0]++;
        }));
      }
      suites.add(DynamicContainer.dynamicContainer(suiteName, tests));
    }
    assertThat(cases).as("conformance cases in %s", dir).isPositive();
    return suites.stream();
  }

  @AfterAll
  static void printPassCounts() {
    int passed = 0;
    int total = 0;
    for (Map.Entry<String, int[]> e : PASSED_OF_TOTAL.entrySet()) {
      System.out.println("conformance " + e.getKey() + ": " + e.getValue()[0] + "/"
          + e.getValue()[1] + " passed");
      passed += e.getValue()[0];
      total += e.getValue()[1];
    }
    System.out.println("conformance total: " + passed + "/" + total + " passed");
  }

  @Test
  void theBundledFilesExpandTo623Cases() throws Exception {
    Path dir = ConformanceSuites.bundledDirectory();
    assertThat(ConformanceSuites.requireCaseFiles(dir)).hasSize(22);
    int count = 0;
    for (ConformanceSuites.Suite suite : ConformanceSuites.loadAll(dir)) {
      count += suite.cases().size();
    }
    assertThat(count).isEqualTo(623);
  }

  @SuppressWarnings("unchecked")
  private static DataLookup lookup(Map<String, Object> sdkData) {
    Map<String, Flag> flags = new HashMap<>();
    Map<String, Segment> segments = new HashMap<>();
    Map<String, Object> flagJson = (Map<String, Object>) sdkData.get("flags");
    if (flagJson != null) {
      flagJson.forEach((k, v) -> flags.put(k, FlagParser.parseFlag(k, AvsbValue.fromJava(v))));
    }
    Map<String, Object> segmentJson = (Map<String, Object>) sdkData.get("segments");
    if (segmentJson != null) {
      segmentJson.forEach(
          (k, v) -> segments.put(k, FlagParser.parseSegment(k, AvsbValue.fromJava(v))));
    }
    return new DataLookup() {
      @Override
      public Flag flag(String key) {
        Flag f = flags.get(key);
        return f == null || f.deleted() ? null : f;
      }

      @Override
      public Segment segment(String key) {
        Segment s = segments.get(key);
        return s == null || s.deleted() ? null : s;
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static void runCase(DataLookup data, Map<String, Object> c) {
    AvsbContext context = AvsbContext.fromValue(AvsbValue.fromJava(c.get("context")));
    String valueType = String.valueOf(c.getOrDefault("valueType", "any"));
    Flag flag = data.flag(String.valueOf(c.get("flagKey")));
    AvsbValue defaultValue = AvsbValue.fromJava(c.get("default"));
    if (defaultValue.isNull()) {
      defaultValue = TypedGetters.zeroOfFirstVariation(flag);
    }
    EvaluationDetail<AvsbValue> raw = Evaluator.evaluate(data, flag, context, null);
    EvaluationDetail<AvsbValue> actual = TypedGetters.convert(valueType, raw, defaultValue);

    Map<String, Object> expect = (Map<String, Object>) c.get("expect");
    AvsbValue expectedValue = AvsbValue.fromJava(expect.get("value"));
    Object index = expect.get("variationIndex");
    int expectedIndex = index == null ? EvaluationDetail.NO_VARIATION : ((Number) index).intValue();
    EvaluationReason expectedReason = reason((Map<String, Object>) expect.get("reason"));

    assertThat(actual.value()).as("value").isEqualTo(expectedValue);
    assertThat(actual.variationIndex()).as("variationIndex").isEqualTo(expectedIndex);
    assertThat(actual.reason()).as("reason").isEqualTo(expectedReason);
  }

  private static EvaluationReason reason(Map<String, Object> r) {
    EvaluationReason.Kind kind = EvaluationReason.Kind.valueOf(String.valueOf(r.get("kind")));
    Object ruleIndex = r.get("ruleIndex");
    Object errorKind = r.get("errorKind");
    return new EvaluationReason(kind,
        ruleIndex == null ? -1 : ((Number) ruleIndex).intValue(),
        (String) r.get("ruleId"),
        Boolean.TRUE.equals(r.get("inExperiment")),
        (String) r.get("prerequisiteKey"),
        errorKind == null ? null : EvaluationReason.ErrorKind.valueOf(errorKind.toString()));
  }
}
