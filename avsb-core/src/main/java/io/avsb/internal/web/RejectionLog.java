package io.avsb.internal.web;

import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs rejected client input at most once per {@link UntrustedText.Rejection} and counts every
 * rejection. The line names the source (a configured header name), the reason and the length;
 * never the value, so a hostile value cannot forge log lines or flood the log. One instance per
 * adapter (a filter, a feature), so there is no static state. Thread-safe.
 */
public final class RejectionLog {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.web");

  private final AtomicLongArray counts =
      new AtomicLongArray(UntrustedText.Rejection.values().length);

  /** Records a rejection of a value read from {@code source}; logs only the first per reason. */
  public void rejected(String source, UntrustedText.Verdict verdict) {
    UntrustedText.Rejection reason = verdict.rejection();
    if (reason == null) {
      return;
    }
    if (counts.getAndIncrement(reason.ordinal()) == 0) {
      LOG.warn(
          "Rejected a value of {} ({} characters, {}); using the anonymous context. Further"
              + " rejections for this reason are counted, not logged.",
          source,
          verdict.length(),
          reason.description());
    }
  }

  /** How many values were rejected for {@code reason} so far. */
  public long count(UntrustedText.Rejection reason) {
    return counts.get(reason.ordinal());
  }
}
