package io.avsb.internal.web;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a web adapter says when a request falls back to the anonymous context or to default flag
 * values: each kind of problem is logged once per instance. One instance per
 * webapp (servlet) or registered feature (JAX-RS), never a static: webapps that share the kit's jar
 * in a container's {@code lib/} each hear of their own problems. An exception is logged by class
 * only (its message may quote request data), with the stack at debug level. Thread-safe.
 */
public final class WebLog {
  private enum Problem { NOT_FILTERED, NO_SERVER, SERVER_FAILED, RESOLVER_THREW, INVALID_CONTEXT,
    EVALUATION_THREW }

  private final Logger log;
  private final String noServerHint;
  private final AtomicIntegerArray logged = new AtomicIntegerArray(Problem.values().length);

  /**
   * A log writing to logger {@code loggerName} (such as {@code io.avsb.servlet}), whose line about a
   * missing server ends with {@code noServerHint} (how to provide one).
   */
  public WebLog(String loggerName, String noServerHint) {
    this.log = LoggerFactory.getLogger(loggerName);
    this.noServerHint = noServerHint;
  }

  /** The request reached the app without the adapter having resolved it. */
  public void notFiltered(String advice) {
    if (first(Problem.NOT_FILTERED)) {
      log.warn("A request was not resolved by the A vs B filter; it uses the anonymous context. {}",
          advice);
    }
  }

  /** There is no server to make helpers with; flags give their defaults. */
  public void noServer() {
    if (first(Problem.NO_SERVER)) {
      log.error("No A vs B server: {} Every flag gives its default value.", noServerHint);
    }
  }

  /** Finding the server or making a helper threw {@code e}; flags give their defaults. */
  public void serverFailed(RuntimeException e) {
    if (first(Problem.SERVER_FAILED)) {
      log.error("The A vs B server failed to make a helper ({}); flags give their defaults",
          e.getClass().getName());
      log.debug("Helper failure", e);
    }
  }

  /** {@code resolver} threw {@code e}; the request is anonymous. */
  public void resolverThrew(Object resolver, RuntimeException e) {
    if (first(Problem.RESOLVER_THREW)) {
      log.error("Context resolver {} threw {}; the request uses the anonymous context (logged once)",
          resolver, e.getClass().getName());
      log.debug("Context resolver failure", e);
    }
  }

  /** {@code resolver} gave an invalid context; the request is anonymous. */
  public void invalidContext(Object resolver) {
    if (first(Problem.INVALID_CONTEXT)) {
      log.warn("Context resolver {} gave an invalid context; the request uses the anonymous"
          + " context (logged once)", resolver);
    }
  }

  /** A flag evaluation threw {@code e}; the caller's default was used. */
  public void evaluationThrew(RuntimeException e) {
    if (first(Problem.EVALUATION_THREW)) {
      log.error("A flag evaluation threw {}; the default value was used", e.getClass().getName());
      log.debug("Evaluation failure", e);
    }
  }

  private boolean first(Problem p) {
    return logged.get(p.ordinal()) == 0 && logged.compareAndSet(p.ordinal(), 0, 1);
  }
}
