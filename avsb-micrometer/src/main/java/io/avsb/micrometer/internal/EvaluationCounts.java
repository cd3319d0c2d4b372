package io.avsb.micrometer.internal;

import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.EvaluationReason.ErrorKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts evaluations by flag, variation, reason and error kind, within the tag bounds of {@link
 * FlagTags} and {@value #MAX_VARIATION_TAGS} variation tags ({@code 0} to {@code 31}, {@code
 * default} for the caller's default, {@code other} beyond). Counting a combination seen before
 * takes a map lookup, an array read and a {@link java.util.concurrent.atomic.LongAdder}
 * increment, and allocates nothing; the first count of a combination makes its cell and registers
 * it in every bound registry. Thread-safe.
 */
public final class EvaluationCounts {
  /** The meter name. */
  public static final String METER = "avsb.evaluations";
  /** Variations {@code 0} to this minus one get their own tag. */
  public static final int MAX_VARIATION_TAGS = 32;

  private static final int DEFAULT_SLOT = MAX_VARIATION_TAGS;
  private static final int OTHER_SLOT = MAX_VARIATION_TAGS + 1;
  private static final int VARIATION_SLOTS = MAX_VARIATION_TAGS + 2;
  private static final EvaluationReason.Kind[] KINDS = EvaluationReason.Kind.values();
  private static final ErrorKind[] ERRORS = ErrorKind.values();
  // one slot per reason kind but ERROR, then one per error kind
  private static final int REASON_SLOTS = KINDS.length - 1 + ERRORS.length;

  private final FlagTags policy;
  private final Tags common;
  private final ConcurrentHashMap<String, FlagCells> byFlag = new ConcurrentHashMap<>();
  private final FlagCells other;
  private final List<MeterRegistry> registries = new ArrayList<>(); // guarded by this
  private int tagged; // guarded by this

  /** Counts within {@code policy}, registering meters with the {@code common} tags added. */
  public EvaluationCounts(FlagTags policy, Tags common) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.common = Objects.requireNonNull(common, "common");
    this.other = new FlagCells(FlagTags.OTHER);
  }

  /** Counts one evaluation of {@code flagKey} that gave {@code detail}. Never throws. */
  public void count(String flagKey, EvaluationDetail<?> detail) {
    EvaluationReason reason = detail.reason();
    FlagCells cells = flagKey == null ? other : byFlag.get(flagKey);
    if (cells == null) {
      cells = admit(flagKey, reason);
    }
    cells.cell(variationSlot(detail.variationIndex()), reasonSlot(reason)).increment();
  }

  /** Registers every cell made so far in {@code registry}, and every later one as it is made. */
  public synchronized void bindTo(MeterRegistry registry) {
    if (registries.contains(registry)) {
      return;
    }
    registries.add(registry);
    other.registerAll(registry);
    for (FlagCells cells : byFlag.values()) {
      cells.registerAll(registry);
    }
  }

  private synchronized FlagCells admit(String flagKey, EvaluationReason reason) {
    FlagCells cells = byFlag.get(flagKey);
    if (cells != null) {
      return cells;
    }
    if (reason.errorKind() == ErrorKind.FLAG_NOT_FOUND || !policy.admits(flagKey, tagged)) {
      return other;
    }
    tagged++;
    cells = new FlagCells(flagKey);
    byFlag.put(flagKey, cells);
    return cells;
  }

  private static int variationSlot(int variation) {
    if (variation == EvaluationDetail.NO_VARIATION) {
      return DEFAULT_SLOT;
    }
    return variation < MAX_VARIATION_TAGS ? variation : OTHER_SLOT;
  }

  private static int reasonSlot(EvaluationReason reason) {
    // ERROR is the last kind, so the kinds before it keep their ordinals
    return reason.errorKind() == null
        ? reason.kind().ordinal()
        : KINDS.length - 1 + reason.errorKind().ordinal();
  }

  private static String variationTag(int slot) {
    if (slot == DEFAULT_SLOT) {
      return "default";
    }
    return slot == OTHER_SLOT ? FlagTags.OTHER : Integer.toString(slot);
  }

  /** The cells of one flag tag, made on first use. */
  private final class FlagCells {
    private final String flag;
    private final AtomicReferenceArray<EvaluationCell> cells =
        new AtomicReferenceArray<>(VARIATION_SLOTS * REASON_SLOTS);

    FlagCells(String flag) {
      this.flag = flag;
    }

    EvaluationCell cell(int variationSlot, int reasonSlot) {
      int i = variationSlot * REASON_SLOTS + reasonSlot;
      EvaluationCell cell = cells.get(i);
      return cell != null ? cell : make(i, variationSlot, reasonSlot);
    }

    private EvaluationCell make(int i, int variationSlot, int reasonSlot) {
      synchronized (EvaluationCounts.this) {
        EvaluationCell cell = cells.get(i);
        if (cell != null) {
          return cell;
        }
        boolean error = reasonSlot >= KINDS.length - 1;
        cell = new EvaluationCell(flag, variationTag(variationSlot),
            error ? EvaluationReason.Kind.ERROR.name() : KINDS[reasonSlot].name(),
            error ? ERRORS[reasonSlot - (KINDS.length - 1)].name() : "none");
        for (MeterRegistry registry : registries) {
          cell.registerIn(registry, common);
        }
        cells.set(i, cell);
        return cell;
      }
    }

    void registerAll(MeterRegistry registry) {
      for (int i = 0; i < cells.length(); i++) {
        EvaluationCell cell = cells.get(i);
        if (cell != null) {
          cell.registerIn(registry, common);
        }
      }
    }
  }
}
