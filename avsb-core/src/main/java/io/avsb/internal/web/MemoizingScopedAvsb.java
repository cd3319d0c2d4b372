package io.avsb.internal.web;

import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.ScopedAvsb;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ScopedAvsb} for one request that evaluates each flag once: within the request a flag
 * gives one value and produces one evaluation record, even when the flag changes mid-request or
 * the request is finished on another thread (async dispatch). Thread-safe: a flag read already made
 * is found without a lock (a request reads a handful of flags, so the results are kept in one small
 * array scanned in turn, beyond {@value #SCANNED} flags in a {@link ConcurrentHashMap}), a new one
 * is evaluated under the helper's lock, so a flag asked for by two threads at once is evaluated
 * once.
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
 *       never throw) gives the default with an {@code EXCEPTION} reason, logged once per {@link
 *       WebLog}.
 * </ul>
 *
 * <p>Create one per request; it holds the request's results until it is dropped.
 */
public final class MemoizingScopedAvsb extends ForwardingScopedAvsb {
  /** How many flag reads are kept in the array before the map takes the rest. */
  static final int SCANNED = 16;

  private record Key(String flag, FlagType<?> type) {}

  private final ScopedAvsb delegate;
  private final WebLog log;
  // flag key, getter type and result of each read, in threes; slots below count are written once
  // before count is raised, and count is read before slots, so a reader without the lock sees
  // complete entries; a new array is published before the count that needs it
  private volatile Object[] slots = new Object[3 * 4];
  private volatile int count;
  private volatile ConcurrentHashMap<Key, EvaluationDetail<?>> more;

  private MemoizingScopedAvsb(ScopedAvsb delegate, WebLog log) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * A memoising helper over {@code delegate}, reporting evaluations that throw to {@code log}; a
   * helper that already memoises is returned as is.
   */
  public static MemoizingScopedAvsb wrap(ScopedAvsb delegate, WebLog log) {
    return delegate instanceof MemoizingScopedAvsb m ? m : new MemoizingScopedAvsb(delegate, log);
  }

  @Override
  protected ScopedAvsb delegate() {
    return delegate;
  }

  @Override
  protected <T> T value(FlagType<T> type, String key, T defaultValue) {
    return detail(type, key, defaultValue).value();
  }

  @Override
  @SuppressWarnings("unchecked")
  protected <T> EvaluationDetail<T> detail(FlagType<T> type, String flag, T defaultValue) {
    if (flag == null) {
      return safely(type, flag, defaultValue);
    }
    EvaluationDetail<T> kept = (EvaluationDetail<T>) find(type, flag);
    if (kept == null) {
      kept = keep(type, flag, defaultValue);
    }
    if (kept.isDefaultValue() && !Objects.equals(kept.value(), defaultValue)) {
      return new EvaluationDetail<>(defaultValue, EvaluationDetail.NO_VARIATION, kept.reason());
    }
    return kept;
  }

  /** The kept result of {@code flag} read by {@code type}, or null. */
  private EvaluationDetail<?> find(FlagType<?> type, String flag) {
    int n = count;
    Object[] s = slots;
    for (int i = 0; i < n * 3; i += 3) {
      if (s[i + 1] == type && flag.equals(s[i])) {
        return (EvaluationDetail<?>) s[i + 2];
      }
    }
    ConcurrentHashMap<Key, EvaluationDetail<?>> m = more;
    return m == null ? null : m.get(new Key(flag, type));
  }

  @SuppressWarnings("unchecked")
  private synchronized <T> EvaluationDetail<T> keep(FlagType<T> type, String flag, T defaultValue) {
    int n = count;
    // another thread may have kept it since the lock-free look
    EvaluationDetail<T> kept = (EvaluationDetail<T>) find(type, flag);
    if (kept != null) {
      return kept;
    }
    EvaluationDetail<T> made = safely(type, flag, defaultValue);
    if (n == SCANNED) {
      if (more == null) {
        more = new ConcurrentHashMap<>();
      }
      more.put(new Key(flag, type), made);
      return made;
    }
    Object[] s = slots;
    if (s.length == n * 3) {
      s = Arrays.copyOf(s, Math.min(s.length * 2, SCANNED * 3));
      slots = s;
    }
    s[n * 3] = flag;
    s[n * 3 + 1] = type;
    s[n * 3 + 2] = made;
    count = n + 1;
    return made;
  }

  private <T> EvaluationDetail<T> safely(FlagType<T> type, String flag, T defaultValue) {
    try {
      EvaluationDetail<T> detail = type.detail(delegate, flag, defaultValue);
      if (detail == null || detail.value() == null && defaultValue != null) {
        return EvaluationDetail.error(EvaluationReason.ErrorKind.EXCEPTION, defaultValue);
      }
      return detail;
    } catch (RuntimeException e) {
      log.evaluationThrew(e);
      return EvaluationDetail.error(EvaluationReason.ErrorKind.EXCEPTION, defaultValue);
    }
  }
}
