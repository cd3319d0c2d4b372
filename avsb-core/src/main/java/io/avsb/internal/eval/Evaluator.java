package io.avsb.internal.eval;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason.ErrorKind;
import io.avsb.internal.log.LogText;
import io.avsb.internal.store.Clause;
import io.avsb.internal.store.DataLookup;
import io.avsb.internal.store.Flag;
import io.avsb.internal.store.Prerequisite;
import io.avsb.internal.store.Rollout;
import io.avsb.internal.store.Rule;
import io.avsb.internal.store.Target;
import io.avsb.internal.store.VariationOrRollout;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates flags per the A vs B flag model: off, prerequisites, individual targets, rules in
 * order, fallthrough. Results are the flag's prebuilt instances, so an evaluation allocates
 * nothing (only a {@code matches} clause allocates its regex matcher and the budgeted view of the
 * value). Errors are results, never exceptions, and are logged once per flag version. Stateless
 * and thread-safe.
 */
public final class Evaluator {
  /** How deep prerequisites (and, separately, segments) may nest before the flag is malformed. */
  static final int MAX_DEPTH = 100;

  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.eval");
  private static final EvaluationDetail<AvsbValue> MALFORMED =
      Flag.errorResult(ErrorKind.MALFORMED_FLAG);
  private static final EvaluationDetail<AvsbValue> EXCEPTION = Flag.errorResult(ErrorKind.EXCEPTION);

  private Evaluator() {}

  /**
   * Evaluates {@code flag} for {@code context} against {@code data}. The value is null (and the
   * variation {@link EvaluationDetail#NO_VARIATION}) when the caller's default applies: errors, or
   * an off flag without off variation. Never throws. {@code listener} may be null; it is told of
   * each prerequisite evaluated, on the calling thread.
   */
  public static EvaluationDetail<AvsbValue> evaluate(
      DataLookup data, Flag flag, AvsbContext context, PrerequisiteListener listener) {
    if (flag == null) {
      return Flag.errorResult(ErrorKind.FLAG_NOT_FOUND);
    }
    if (flag.malformedError() != null) {
      return MALFORMED; // logged by the parser
    }
    if (context == null || !context.isValid()) {
      return Flag.errorResult(ErrorKind.USER_NOT_SPECIFIED);
    }
    long regexGiveUps = RegexSearches.giveUps();
    try {
      EvaluationDetail<AvsbValue> result = evaluateFlag(data, flag, context, listener, null, 0);
      if (result == MALFORMED && flag.firstErrorReport()) {
        LOG.warn("Flag {} evaluated to MALFORMED_FLAG: a variation index is out of range, or a"
            + " rule or the fallthrough has neither variation nor rollout, or a rollout has no"
            + " buckets", LogText.of(flag.key()));
      } else if (result == EXCEPTION && flag.firstErrorReport()) {
        LOG.warn("Flag {} evaluated to EXCEPTION: it or a prerequisite has no fallthrough",
            LogText.of(flag.key()));
      }
      return result;
    } catch (MalformedFlagException e) {
      if (flag.firstErrorReport()) {
        LOG.warn("Flag {} evaluated to MALFORMED_FLAG: {}", LogText.of(flag.key()),
            LogText.of(e.getMessage()));
      }
      return MALFORMED;
    } catch (RuntimeException e) {
      if (flag.firstErrorReport()) {
        LOG.error("Unexpected error evaluating flag {}", LogText.of(flag.key()), e);
      }
      return Flag.errorResult(ErrorKind.EXCEPTION);
    } finally {
      if (RegexSearches.giveUps() != regexGiveUps) {
        RegexSearches.report(flag.key());
      }
    }
  }

  /**
   * @param stack this thread's {@link EvalScratch} once prerequisites are being evaluated, else
   *     null
   * @param base the depth of the flag stack where this top-level evaluation began
   */
  private static EvaluationDetail<AvsbValue> evaluateFlag(DataLookup data, Flag flag,
      AvsbContext context, PrerequisiteListener listener, Object[] stack, int base) {
    if (flag.malformedError() != null) {
      return MALFORMED;
    }
    if (!flag.on()) {
      return flag.offResult();
    }
    if (flag.hasPrerequisites()) {
      Object[] s = stack;
      int b = base;
      if (s == null) {
        s = EvalScratch.get();
        // a listener may evaluate on this thread while outer flags are stacked
        b = EvalScratch.flagDepth(s);
      }
      EvaluationDetail<AvsbValue> failed = checkPrerequisites(data, flag, context, listener, s, b);
      if (failed != null) {
        return failed;
      }
    }
    List<Target> targets = flag.targets();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      AvsbContext c = context.individualContext(t.contextKind());
      if (c != null && t.values().contains(c.key())) {
        return t.result();
      }
    }
    List<Rule> rules = flag.rules();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (allMatch(rule.clauses(), context, data)) {
        return resolve(rule.outcome(), context);
      }
    }
    return resolve(flag.fallthrough(), context);
  }

  /** The first failed prerequisite's result, or null when all are met. */
  private static EvaluationDetail<AvsbValue> checkPrerequisites(DataLookup data, Flag flag,
      AvsbContext context, PrerequisiteListener listener, Object[] s, int base) {
    if (EvalScratch.flagDepth(s) - base >= MAX_DEPTH) {
      throw new MalformedFlagException("prerequisites nest deeper than " + MAX_DEPTH);
    }
    EvalScratch.pushFlag(s, flag.key());
    try {
      List<Prerequisite> prerequisites = flag.prerequisites();
      for (int i = 0; i < prerequisites.size(); i++) {
        Prerequisite p = prerequisites.get(i);
        if (EvalScratch.flagOnStack(s, p.key(), base)) {
          throw new MalformedFlagException(
              "prerequisite \"" + p.key() + "\" of \"" + flag.key() + "\" forms a cycle");
        }
        Flag prerequisite = data.flag(p.key());
        if (prerequisite == null) {
          return p.failedResult();
        }
        EvaluationDetail<AvsbValue> result =
            evaluateFlag(data, prerequisite, context, listener, s, base);
        if (result == EXCEPTION) {
          // a prerequisite without fallthrough fails the whole evaluation, as the reference SDKs'
          // exception does, rather than only the prerequisite
          return result;
        }
        if (listener != null) {
          listener.onPrerequisite(prerequisite, context, result, flag);
        }
        // an off prerequisite fails whatever its off variation is
        if (!prerequisite.on() || result.variationIndex() != p.variation()) {
          return p.failedResult();
        }
      }
      return null;
    } finally {
      EvalScratch.popFlag(s);
    }
  }

  private static boolean allMatch(List<Clause> clauses, AvsbContext context, DataLookup data) {
    for (int i = 0; i < clauses.size(); i++) {
      if (!ClauseMatcher.matches(clauses.get(i), context, data, null)) {
        return false;
      }
    }
    return true;
  }

  private static EvaluationDetail<AvsbValue> resolve(VariationOrRollout outcome,
      AvsbContext context) {
    Rollout rollout = outcome.rollout();
    if (rollout == null) {
      return outcome.fixedResult();
    }
    // experiments always bucket by key
    AttributeRef by = rollout.isExperiment() ? null : rollout.bucketBy();
    float bucket = Bucketing.bucket(context, rollout.contextKind(), by, rollout.hashPrefix());
    // a context without the rollout's kind has bucket -1: the first bucket even when its weight
    // is 0, and outside the experiment, as in the reference SDKs
    boolean tracked = bucket != Bucketing.NO_CONTEXT;
    float[] ends = rollout.bucketEnds();
    int chosen = -1;
    for (int i = 0; i < ends.length; i++) {
      if (bucket < ends[i]) {
        chosen = i;
        break;
      }
    }
    if (chosen < 0 || rollout.variations().get(chosen).variation() < 0) {
      // past the last bucket, or a bucket with a negative variation: the reference SDKs take the
      // last bucket, tracked in an experiment whether or not the context was found
      chosen = ends.length - 1;
      tracked = true;
    }
    return outcome.bucketResult(chosen, tracked);
  }
}
