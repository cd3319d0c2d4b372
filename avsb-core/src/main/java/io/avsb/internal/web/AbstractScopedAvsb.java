package io.avsb.internal.web;

import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.ScopedAvsb;

/**
 * A {@link ScopedAvsb} whose ten flag getters come down to two methods, {@link #value} and {@link
 * #detail}, told which getter by a {@link FlagType}. Helpers that wrap or replace flag reads
 * (memoising, forwarding, unavailable) implement those two, so a new getter type is added here
 * once, not in every helper. Thread-safety is the subclass's.
 */
public abstract class AbstractScopedAvsb implements ScopedAvsb {
  /**
   * One typed getter of {@link ScopedAvsb}: its plain and {@code ...Detail} variants, callable on
   * any helper. The instances are constants; compare them by identity. Immutable and thread-safe.
   *
   * @param <T> the getter's value type
   */
  public static final class FlagType<T> {
    /** {@code getBoolFlag}. */
    public static final FlagType<Boolean> BOOL = new FlagType<>(
        "bool", (s, k, d) -> s.getBoolFlag(k, d), (s, k, d) -> s.getBoolFlagDetail(k, d));
    /** {@code getStringFlag}. */
    public static final FlagType<String> STRING = new FlagType<>(
        "string", ScopedAvsb::getStringFlag, ScopedAvsb::getStringFlagDetail);
    /** {@code getIntFlag}. */
    public static final FlagType<Integer> INT = new FlagType<>(
        "int", (s, k, d) -> s.getIntFlag(k, d), (s, k, d) -> s.getIntFlagDetail(k, d));
    /** {@code getDoubleFlag}. */
    public static final FlagType<Double> DOUBLE = new FlagType<>(
        "double", (s, k, d) -> s.getDoubleFlag(k, d), (s, k, d) -> s.getDoubleFlagDetail(k, d));
    /** {@code getJsonFlag}. */
    public static final FlagType<AvsbValue> JSON = new FlagType<>(
        "json", ScopedAvsb::getJsonFlag, ScopedAvsb::getJsonFlagDetail);

    private interface Read<T, R> {
      R read(ScopedAvsb helper, String key, T defaultValue);
    }

    private final String name;
    private final Read<T, T> value;
    private final Read<T, EvaluationDetail<T>> detail;

    private FlagType(String name, Read<T, T> value, Read<T, EvaluationDetail<T>> detail) {
      this.name = name;
      this.value = value;
      this.detail = detail;
    }

    /** Calls this getter's plain variant on {@code helper}. */
    public T value(ScopedAvsb helper, String key, T defaultValue) {
      return value.read(helper, key, defaultValue);
    }

    /** Calls this getter's {@code ...Detail} variant on {@code helper}. */
    public EvaluationDetail<T> detail(ScopedAvsb helper, String key, T defaultValue) {
      return detail.read(helper, key, defaultValue);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** What the plain getter of {@code type} answers for flag {@code key}; never null for a primitive. */
  protected abstract <T> T value(FlagType<T> type, String key, T defaultValue);

  /** What the {@code ...Detail} getter of {@code type} answers for flag {@code key}. */
  protected abstract <T> EvaluationDetail<T> detail(FlagType<T> type, String key, T defaultValue);

  @Override
  public final boolean getBoolFlag(String key, boolean defaultValue) {
    return value(FlagType.BOOL, key, defaultValue);
  }

  @Override
  public final String getStringFlag(String key, String defaultValue) {
    return value(FlagType.STRING, key, defaultValue);
  }

  @Override
  public final int getIntFlag(String key, int defaultValue) {
    return value(FlagType.INT, key, defaultValue);
  }

  @Override
  public final double getDoubleFlag(String key, double defaultValue) {
    return value(FlagType.DOUBLE, key, defaultValue);
  }

  @Override
  public final AvsbValue getJsonFlag(String key, AvsbValue defaultValue) {
    return value(FlagType.JSON, key, defaultValue);
  }

  @Override
  public final EvaluationDetail<Boolean> getBoolFlagDetail(String key, boolean defaultValue) {
    return detail(FlagType.BOOL, key, defaultValue);
  }

  @Override
  public final EvaluationDetail<String> getStringFlagDetail(String key, String defaultValue) {
    return detail(FlagType.STRING, key, defaultValue);
  }

  @Override
  public final EvaluationDetail<Integer> getIntFlagDetail(String key, int defaultValue) {
    return detail(FlagType.INT, key, defaultValue);
  }

  @Override
  public final EvaluationDetail<Double> getDoubleFlagDetail(String key, double defaultValue) {
    return detail(FlagType.DOUBLE, key, defaultValue);
  }

  @Override
  public final EvaluationDetail<AvsbValue> getJsonFlagDetail(String key, AvsbValue defaultValue) {
    return detail(FlagType.JSON, key, defaultValue);
  }
}
