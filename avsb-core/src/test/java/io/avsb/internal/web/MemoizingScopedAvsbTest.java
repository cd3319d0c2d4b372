package io.avsb.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.FeatureFlagsState;
import io.avsb.ScopedAvsb;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoizingScopedAvsbTest {
  /** A delegate whose flags can change between calls and which counts evaluations per flag. */
  static final class ChangingFlags implements ScopedAvsb {
    final Map<String, AvsbValue> values = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> evaluations = new ConcurrentHashMap<>();
    final AtomicInteger tracked = new AtomicInteger();
    volatile CountDownLatch gate;
    volatile RuntimeException failure;

    int evaluations(String key) {
      AtomicInteger n = evaluations.get(key);
      return n == null ? 0 : n.get();
    }

    private <T> EvaluationDetail<T> eval(String key, T def, java.util.function.Function<AvsbValue, T> as) {
      evaluations.computeIfAbsent(String.valueOf(key), k -> new AtomicInteger()).incrementAndGet();
      CountDownLatch g = gate;
      if (g != null) {
        try {
          g.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failure != null) {
        throw failure;
      }
      AvsbValue v = key == null ? null : values.get(key);
      if (v == null) {
        return EvaluationDetail.error(EvaluationReason.ErrorKind.FLAG_NOT_FOUND, def);
      }
      return EvaluationDetail.of(as.apply(v), 0, EvaluationReason.fallthrough());
    }

    @Override public AvsbContext context() { return AvsbContext.of("u1"); }
    @Override public boolean getBoolFlag(String k, boolean d) { throw new AssertionError("plain getter"); }
    @Override public String getStringFlag(String k, String d) { throw new AssertionError("plain getter"); }
    @Override public int getIntFlag(String k, int d) { throw new AssertionError("plain getter"); }
    @Override public double getDoubleFlag(String k, double d) { throw new AssertionError("plain getter"); }
    @Override public AvsbValue getJsonFlag(String k, AvsbValue d) { throw new AssertionError("plain getter"); }
    @Override public EvaluationDetail<Boolean> getBoolFlagDetail(String k, boolean d) { return eval(k, d, AvsbValue::booleanValue); }
    @Override public EvaluationDetail<String> getStringFlagDetail(String k, String d) { return eval(k, d, AvsbValue::stringValue); }
    @Override public EvaluationDetail<Integer> getIntFlagDetail(String k, int d) { return eval(k, d, v -> (int) v.doubleValue()); }
    @Override public EvaluationDetail<Double> getDoubleFlagDetail(String k, double d) { return eval(k, d, AvsbValue::doubleValue); }
    @Override public EvaluationDetail<AvsbValue> getJsonFlagDetail(String k, AvsbValue d) { return eval(k, d, v -> v); }
    @Override public FeatureFlagsState allFlagsState() { return null; }
    @Override public void track(String e) { tracked.incrementAndGet(); }
    @Override public void track(String e, Map<String, ?> d) { tracked.incrementAndGet(); }
    @Override public void track(String e, double m, Map<String, ?> d) { tracked.incrementAndGet(); }
    @Override public void identify() {}
  }

  private final ChangingFlags flags = new ChangingFlags();
  private final WebLog log = new WebLog("io.avsb.web", "none in this test.");
  private final MemoizingScopedAvsb avsb = MemoizingScopedAvsb.wrap(flags, log);

  @Test
  void aFlagChangedMidRequestKeepsItsFirstValueAndIsEvaluatedOnce() {
    flags.values.put("checkout-v2", AvsbValue.of(true));
    assertThat(avsb.getBoolFlag("checkout-v2", false)).isTrue();
    flags.values.put("checkout-v2", AvsbValue.of(false));
    assertThat(avsb.getBoolFlag("checkout-v2", false)).isTrue();
    assertThat(avsb.getBoolFlagDetail("checkout-v2", false).value()).isTrue();
    assertThat(flags.evaluations("checkout-v2")).isEqualTo(1);
  }

  @Test
  void aNewRequestHelperSeesTheChange() {
    flags.values.put("ui-theme", AvsbValue.of("dark"));
    assertThat(avsb.getStringFlag("ui-theme", "default")).isEqualTo("dark");
    flags.values.put("ui-theme", AvsbValue.of("default"));
    assertThat(MemoizingScopedAvsb.wrap(flags, log).getStringFlag("ui-theme", "x")).isEqualTo("default");
  }

  @Test
  void getterTypesAreKeptApart() {
    flags.values.put("limit", AvsbValue.of(3.7));
    assertThat(avsb.getIntFlag("limit", 0)).isEqualTo(3);
    assertThat(avsb.getDoubleFlag("limit", 0)).isEqualTo(3.7);
    assertThat(avsb.getJsonFlag("limit", AvsbValue.ofNull())).isEqualTo(AvsbValue.of(3.7));
    assertThat(flags.evaluations("limit")).isEqualTo(3);
  }

  @Test
  void moreFlagsThanTheArrayHoldsAreEachEvaluatedOnceAndKeepTheirFirstValue() {
    int many = MemoizingScopedAvsb.SCANNED * 3;
    for (int i = 0; i < many; i++) {
      flags.values.put("f" + i, AvsbValue.of(i));
      assertThat(avsb.getIntFlag("f" + i, -1)).isEqualTo(i);
    }
    for (int i = 0; i < many; i++) {
      flags.values.put("f" + i, AvsbValue.of(-2));
      assertThat(avsb.getIntFlag(new String("f" + i), -1)).isEqualTo(i);
      assertThat(avsb.getIntFlagDetail("f" + i, -1).value()).isEqualTo(i);
      assertThat(flags.evaluations("f" + i)).isEqualTo(1);
    }
  }

  @Test
  void aDefaultResultHonoursEachCallersDefaultWithoutReevaluating() {
    assertThat(avsb.getStringFlag("missing", "a")).isEqualTo("a");
    EvaluationDetail<String> second = avsb.getStringFlagDetail("missing", "b");
    assertThat(second.value()).isEqualTo("b");
    assertThat(second.reason().errorKind()).isEqualTo(EvaluationReason.ErrorKind.FLAG_NOT_FOUND);
    assertThat(flags.evaluations("missing")).isEqualTo(1);
  }

  @Test
  void twoThreadsAskingAtOnceShareOneEvaluation() throws Exception {
    flags.values.put("checkout-v2", AvsbValue.of(true));
    CountDownLatch gate = new CountDownLatch(1);
    flags.gate = gate;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> a = pool.submit(() -> avsb.getBoolFlag("checkout-v2", false));
      Future<Boolean> b = pool.submit(() -> avsb.getBoolFlag("checkout-v2", false));
      flags.values.put("checkout-v2", AvsbValue.of(false));
      gate.countDown();
      assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(b.get(10, TimeUnit.SECONDS));
      assertThat(flags.evaluations("checkout-v2")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aThrowingDelegateGivesTheDefaultWithAnExceptionReason() {
    flags.failure = new IllegalStateException("boom");
    EvaluationDetail<Boolean> d = avsb.getBoolFlagDetail("checkout-v2", true);
    assertThat(d.value()).isTrue();
    assertThat(d.reason().errorKind()).isEqualTo(EvaluationReason.ErrorKind.EXCEPTION);
  }

  @Test
  void nullKeyIsPassedThroughUncached() {
    assertThat(avsb.getBoolFlag(null, true)).isTrue();
    assertThat(avsb.getBoolFlag(null, true)).isTrue();
    assertThat(flags.evaluations("null")).isEqualTo(2);
  }

  @Test
  void trackIsNotMemoisedAndWrappingTwiceKeepsOneCache() {
    avsb.track("purchase", 149.99, Map.of("currency", "usd"));
    avsb.track("purchase", 149.99, Map.of("currency", "usd"));
    assertThat(flags.tracked).hasValue(2);
    assertThat(MemoizingScopedAvsb.wrap(avsb, log)).isSameAs(avsb);
  }
}
