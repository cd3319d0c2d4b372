package io.avsb;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of a server's persistent store (such as Redis shared by a fleet), as reported by its
 * {@link StoreStatusProvider}. Immutable and thread-safe.
 *
 * @param state whether a store is configured and reachable
 * @param servingStoreData whether the flags in memory came from the store rather than from the
 *     server's own data source: always so in daemon mode once read, and after a start from the
 *     store until the service's data arrives
 * @param stateSince when the store entered this state
 * @param lastError the most recent failure, without any password, or null if there was none
 */
public record StoreStatus(State state, boolean servingStoreData, Instant stateSince,
    String lastError) {
  /** Checks that state and time are present. */
  public StoreStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(stateSince, "stateSince");
  }

  /** The states of a persistent store. */
  public enum State {
    /** No persistent store is configured. */
    NOT_CONFIGURED,
    /** The store answered the last operation. */
    AVAILABLE,
    /**
     * The last operation failed; the server keeps serving the flags it has and retries with
     * backoff.
     */
    UNAVAILABLE
  }
}
