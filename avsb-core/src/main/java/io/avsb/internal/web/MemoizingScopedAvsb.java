package io.avsb.internal.web;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.FeatureFlagsState;
import io.avsb.ScopedAvsb;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ScopedAvsb} for one request that evaluates each flag once: within the request a flag
 * gives one value and produces one evaluation record, even when the flag changes mid-request or
 * the request is finished on another thread (async dispatch). Thread-safe: results live in a
 * {@link ConcurrentHashMap}, and a flag asked for by two threads at once is evaluated once.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Results are kept per flag key and getter type (bool, string, int, double, JSON); the plain
 *       getter and its {@code ...Detail} variant share one entry, so the plain getters call the
 *       delegate's detail variant (their evaluation records therefore carry the reason).
 *   <li>A kept result that is the caller's default (an error, such as an unknown flag) is handed
 *       back with the current caller's default value and the same reason: the flag still gave "no
 *       value", and another call site's default is respected without a second evaluation.
 *   <li>{@link #allFlagsState()}, {@link #track} and {@link #identify()} are passed through: they
 *       are not flag reads.
 *   <li>A null flag key is passed through uncached; an exception from the delegate (which should
 *       never throw) gives the default with an {@code EXCEPTION} reason, logged once.
 * </ul>
 *
 * <p>Create one per request; it holds the request's results until it is dropped.
 */
public final class MemoizingScopedAvsb implements ScopedAvsb {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.web");
  private static final AtomicBoolean FAILURE_LOGGED = new AtomicBoolean();

  private enum Type { BOOL, STRING, INT, DOUBLE, JSON }

  private record Key(String flag, Type type) {}

  private final ScopedAvsb delegate;
  private final ConcurrentHashMap<Key, EvaluationDetail<?>> results = new ConcurrentHashMap<>(8);

  private MemoizingScopedAvsb(ScopedAvsb delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** A memoising helper over {@code delegate}; a helper that already memoises is returned as is. */
  public static MemoizingScopedAvsb wrap(ScopedAvsb delegate) {
    return delegate instanceof MemoizingScopedAvsb m ? m : new MemoizingScopedAvsb(delegate);
  }

  @Override
  public AvsbContext context() {
    return delegate.context();
  }

  @Override
  public boolean getBoolFlag(String key, boolean defaultValue) {
    return getBoolFlagDetail(key, defaultValue).value();
  }

  @Override
  public String getStringFlag(String key, String defaultValue) {
    return getStringFlagDetail(key, defaultValue).value();
  }

  @Override
  public int getIntFlag(String key, int defaultValue) {
    return getIntFlagDetail(key, defaultValue).value();
  }

  @Override
  public double getDoubleFlag(String key, double defaultValue) {
    return getDoubleFlagDetail(key, defaultValue).value();
  }

  @Override
  public AvsbValue getJsonFlag(String key, AvsbValue defaultValue) {
    return getJsonFlagDetail(key, defaultValue).value();
  }

  @Override
  public EvaluationDetail<Boolean> getBoolFlagDetail(String key, boolean defaultValue) {
    return memo(key, Type.BOOL, defaultValue, () -> delegate.getBoolFlagDetail(key, defaultValue));
  }

  @Override
  public EvaluationDetail<String> getStringFlagDetail(String key, String defaultValue) {
    return memo(
        key, Type.STRING, defaultValue, () -> delegate.getStringFlagDetail(key, defaultValue));
  }

  @Override
  public EvaluationDetail<Integer> getIntFlagDetail(String key, int defaultValue) {
    return memo(key, Type.INT, defaultValue, () -> delegate.getIntFlagDetail(key, defaultValue));
  }

  @Override
  public EvaluationDetail<Double> getDoubleFlagDetail(String key, double defaultValue) {
    return memo(
        key, Type.DOUBLE, defaultValue, () -> delegate.getDoubleFlagDetail(key, defaultValue));
  }

  @Override
  public EvaluationDetail<AvsbValue> getJsonFlagDetail(String key, AvsbValue defaultValue) {
    return memo(key, Type.JSON, defaultValue, () -> delegate.getJsonFlagDetail(key, defaultValue));
  }

  @Override
  public FeatureFlagsState allFlagsState() {
    return delegate.allFlagsState();
  }

  @Override
  public void track(String eventKey) {
    delegate.track(eventKey);
  }

  @Override
  public void track(String eventKey, Map<String, ?> data) {
    delegate.track(eventKey, data);
  }

  @Override
  public void track(String eventKey, double metricValue, Map<String, ?> data) {
    delegate.track(eventKey, metricValue, data);
  }

  @Override
  public void identify() {
    delegate.identify();
  }

  @SuppressWarnings("unchecked")
  private <T> EvaluationDetail<T> memo(
      String flag, Type type, T defaultValue, Supplier<EvaluationDetail<T>> evaluate) {
    if (flag == null) {
      return safely(evaluate, defaultValue);
    }
    EvaluationDetail<T> kept =
        (EvaluationDetail<T>)
            results.computeIfAbsent(new Key(flag, type), k -> safely(evaluate, defaultValue));
    if (kept.isDefaultValue() && !Objects.equals(kept.value(), defaultValue)) {
      return new EvaluationDetail<>(defaultValue, EvaluationDetail.NO_VARIATION, kept.reason());
    }
    return kept;
  }

  private <T> EvaluationDetail<T> safely(Supplier<EvaluationDetail<T>> evaluate, T defaultValue) {
    try {
      EvaluationDetail<T> detail = evaluate.get();
      if (detail == null || detail.value() == null && defaultValue != null) {
        return EvaluationDetail.error(EvaluationReason.ErrorKind.EXCEPTION, defaultValue);
      }
      return detail;
    } catch (RuntimeException e) {
      if (FAILURE_LOGGED.compareAndSet(false, true)) {
        LOG.error("A flag evaluation threw {}; the default value was used", e.getClass().getName());
      }
      return EvaluationDetail.error(EvaluationReason.ErrorKind.EXCEPTION, defaultValue);
    }
  }
}
