package io.avsb.internal.eval;

/**
 * Stops an evaluation whose flag data cannot be evaluated at all (a prerequisite or segment cycle,
 * an invalid attribute reference in a clause that is reached): the outermost flag then gives
 * {@code MALFORMED_FLAG}. Carries no stack trace, as it is an expected outcome. Immutable.
 */
final class MalformedFlagException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedFlagException(String message) {
    super(message, null, false, false);
  }
}
