package io.avsb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.avsb.AvsbContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs small sample test classes through the JUnit launcher and checks what the extension gave
 * them. The samples are static nested classes, which neither Surefire nor JUnit run on their own.
 */
class AvsbExtensionTest {
  /** What the samples saw in one launch; cleared before each. */
  static final Queue<Object[]> SEEN = new ConcurrentLinkedQueue<>();

  /** The configuration parameter that enables the samples: set only by {@link #run}. */
  static final String SAMPLES_PARAMETER = "avsb.testkit.samples";

  /** Disables a sample unless this test's launcher runs it (not when a wide -Dtest pattern does). */
  static final class OnlyWhenLaunched implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(SAMPLES_PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("launched by AvsbExtensionTest")
          : ConditionEvaluationResult.disabled("a sample for AvsbExtensionTest");
    }
  }

  private static TestExecutionSummary run(Class<?> sample, Map<String, String> config) {
    SEEN.clear();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(sample)).configurationParameters(config)
        .configurationParameter(SAMPLES_PARAMETER, "true").build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    return listener.getSummary();
  }

  private static List<Throwable> failures(TestExecutionSummary summary) {
    return summary.getFailures().stream().map(TestExecutionSummary.Failure::getException).toList();
  }

  @ExtendWith(OnlyWhenLaunched.class)
  @ExtendWith(AvsbExtension.class)
  static class FreshInstancesSample {
    private TestData fromBeforeEach;

    @BeforeEach
    void before(TestData td) {
      fromBeforeEach = td;
      td.update(td.flag("f").variationForAll(false));
    }

    @Test
    void first(TestData td, MockAvsbServer mock) {
      check(td, mock);
    }

    @Test
    void second(MockAvsbServer mock, TestData td) {
      check(td, mock);
    }

    @RepeatedTest(3)
    void repeated(TestData td, MockAvsbServer mock) {
      check(td, mock);
    }

    private void check(TestData td, MockAvsbServer mock) {
      assertThat(td).isSameAs(fromBeforeEach);
      assertThat(mock.testData()).isSameAs(td);
      assertThat(mock.forUser(AvsbContext.of("u1")).getBoolFlag("f", true)).isFalse();
      assertThat(td.runningSourceCount()).isEqualTo(1);
      SEEN.add(new Object[] {td, mock});
    }
  }

  @Test
  void eachTestGetsItsOwnInstancesClosedAfterIt() {
    TestExecutionSummary summary = run(FreshInstancesSample.class, Map.of());

    assertThat(failures(summary)).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(5);
    assertDistinctAndClosed(5);
  }

  @Test
  void parallelTestsGetTheirOwnInstances() {
    TestExecutionSummary summary = run(FreshInstancesSample.class, Map.of(
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));

    assertThat(failures(summary)).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(5);
    assertDistinctAndClosed(5);
  }

  private static void assertDistinctAndClosed(int tests) {
    assertThat(SEEN).hasSize(tests);
    Set<Object> testData = new HashSet<>();
    Set<Object> mocks = new HashSet<>();
    for (Object[] seen : SEEN) {
      testData.add(seen[0]);
      mocks.add(seen[1]);
      assertThat(((TestData) seen[0]).runningSourceCount()).as("sources left running").isZero();
    }
    assertThat(testData).hasSize(tests);
    assertThat(mocks).hasSize(tests);
  }

  @ExtendWith(OnlyWhenLaunched.class)
  @ExtendWith(AvsbExtension.class)
  static class FailingSample {
    @Test
    void fails(MockAvsbServer mock) {
      SEEN.add(new Object[] {mock.testData(), mock});
      throw new AssertionError("deliberate");
    }
  }

  @Test
  void mockServerIsClosedAfterAFailingTest() {
    TestExecutionSummary summary = run(FailingSample.class, Map.of());

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertDistinctAndClosed(1);
  }

  @ExtendWith(OnlyWhenLaunched.class)
  @AvsbFlag(key = "theme", value = "\"dark\"")
  @AvsbFlag(key = "limit", value = "3")
  static class PresetSample {
    @RegisterExtension
    static final AvsbExtension AVSB = new AvsbExtension()
        .withTestData(td -> td.update(td.flag("preset").valueForAll("from-setup")))
        .withTestData(td -> td.update(td.flag("limit").valueForAll(1)));

    @Test
    @AvsbFlag(key = "checkout-v2")
    @AvsbFlag(key = "limit", value = "5")
    @AvsbFlag(key = "word", value = "plain")
    void presetFlagsApply(MockAvsbServer mock) {
      var avsb = mock.forUser(AvsbContext.of("u1"));
      assertThat(avsb.getStringFlag("preset", "?")).isEqualTo("from-setup");
      assertThat(avsb.getStringFlag("theme", "?")).isEqualTo("dark");
      assertThat(avsb.getBoolFlag("checkout-v2", false)).isTrue();
      assertThat(avsb.getIntFlag("limit", 0)).isEqualTo(5);
      assertThat(avsb.getStringFlag("word", "?")).isEqualTo("plain");
      SEEN.add(new Object[] {mock.testData(), mock});
    }

    @Test
    void classFlagsApplyWithoutMethodOnes(TestData td) {
      assertThat(td.flagJson("limit").get("variations").get(0).intValue()).isEqualTo(3);
      assertThat(td.flagJson("checkout-v2")).isNull();
      SEEN.add(new Object[] {td, td});
    }
  }

  @Test
  void setupAndAnnotationsPresetFlagsMethodLast() {
    TestExecutionSummary summary = run(PresetSample.class, Map.of());

    assertThat(failures(summary)).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(SEEN).hasSize(2);
  }

  @Test
  void constructorOfPerMethodClassGetsTheTestsInstance() {
    TestExecutionSummary summary = run(ConstructorInjectionSample.class, Map.of());

    assertThat(failures(summary)).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertDistinctAndClosed(2);
  }

  @ExtendWith(OnlyWhenLaunched.class)
  @ExtendWith(AvsbExtension.class)
  static class ConstructorInjectionSample {
    private final TestData fromConstructor;

    ConstructorInjectionSample(TestData td) {
      this.fromConstructor = td;
    }

    @Test
    void one(TestData td, MockAvsbServer mock) {
      assertThat(td).isSameAs(fromConstructor);
      SEEN.add(new Object[] {td, mock});
    }

    @Test
    void two(TestData td, MockAvsbServer mock) {
      assertThat(td).isSameAs(fromConstructor);
      SEEN.add(new Object[] {td, mock});
    }
  }

  @ExtendWith(OnlyWhenLaunched.class)
  @ExtendWith(AvsbExtension.class)
  static class BeforeAllSample {
    @BeforeAll
    static void setUp(TestData td) {
      SEEN.add(new Object[] {td, td});
    }

    @Test
    void never() {}
  }

  @Test
  void beforeAllParameterIsRefusedWithAClearMessage() {
    TestExecutionSummary summary = run(BeforeAllSample.class, Map.of());

    assertThat(SEEN).isEmpty();
    assertThat(failures(summary)).singleElement().satisfies(e ->
        assertThat(e).hasMessageContaining("belong to one test method"));
  }
}
