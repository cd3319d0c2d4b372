package io.avsb.internal.store;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A compiled regular expression of a {@code matches} clause whose search has a step budget, so
 * that a pattern that backtracks catastrophically on some input ({@code (.*a){12}$} on forty
 * characters) cannot hold a request thread. {@code java.util.regex} has no step hook, so the
 * search reads the value through a view that counts character reads and gives up past {@link
 * #budget(int)} of them; every backtracking step that matters reads a character again. Within the
 * budget the result is exactly {@link java.util.regex.Matcher#find()}'s. A search that overflows
 * the stack (the JDK recurses per character for some patterns on long values) gives up too.
 *
 * <p>A search allocates a {@link java.util.regex.Matcher} and the counting view, as a {@code
 * matches} clause allocated its matcher before. Immutable apart from its report marker, and
 * thread-safe.
 */
public final class BoundedRegex {
  /** {@link #find} found a match. */
  public static final int FOUND = 1;
  /** {@link #find} searched the whole value and found no match. */
  public static final int NOT_FOUND = 0;
  /** {@link #find} gave up: the search needed more steps than its budget. */
  public static final int GAVE_UP = -1;
  /** The fixed part of a search's budget, in character reads. */
  public static final long BASE_BUDGET = 1_000_000;
  /** The part of a search's budget that grows with the value: reads per character. */
  public static final long READS_PER_CHAR = 64;

  private final Pattern pattern;
  private final AtomicBoolean reported = new AtomicBoolean();

  /** Wraps a compiled pattern. */
  public BoundedRegex(Pattern pattern) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
  }

  /** The compiled pattern. */
  public Pattern pattern() {
    return pattern;
  }

  /**
   * The character reads a search of a value of {@code length} characters may make: a million plus
   * 64 per character, so a linear search of any value fits and a runaway one stops within a few
   * milliseconds on a request-sized value.
   */
  public static long budget(int length) {
    return BASE_BUDGET + READS_PER_CHAR * length;
  }

  /** Searches {@code value} within {@link #budget(int)}: {@link #FOUND}, {@link #NOT_FOUND} or {@link #GAVE_UP}. */
  public int find(String value) {
    return find(value, budget(value.length()));
  }

  /** Searches {@code value} within {@code budget} character reads. */
  public int find(String value, long budget) {
    try {
      return pattern.matcher(new CountingText(value, budget)).find() ? FOUND : NOT_FOUND;
    } catch (OverBudget e) {
      return GAVE_UP;
    } catch (StackOverflowError e) {
      return GAVE_UP;
    }
  }

  /**
   * The marker that is set once the first give-up of this clause's pattern has been logged; a
   * JDK object, so a per-thread note of it pins no class loader.
   */
  public AtomicBoolean reportMarker() {
    return reported;
  }

  /** Thrown by the view past its budget: one shared instance, without stack trace. */
  private static final class OverBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final OverBudget INSTANCE = new OverBudget();

    private OverBudget() {
      super("regular expression step budget exceeded", null, false, false);
    }
  }

  /** The value as the matcher sees it, counting reads. Used by one search on one thread. */
  private static final class CountingText implements CharSequence {
    private final String text;
    private long left;

    CountingText(String text, long budget) {
      this.text = text;
      this.left = budget;
    }

    @Override
    public char charAt(int index) {
      if (--left < 0) {
        throw OverBudget.INSTANCE;
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
