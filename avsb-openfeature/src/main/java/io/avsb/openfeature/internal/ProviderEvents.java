package io.avsb.openfeature.internal;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.ProviderEventDetails;
import io.avsb.AvsbServer;
import io.avsb.DataSourceStatus;
import io.avsb.FlagChangeEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns a server's data-source status changes and flag changes into OpenFeature provider events:
 * {@code VALID} after anything else is {@code PROVIDER_READY}, {@code INTERRUPTED} is {@code
 * PROVIDER_STALE} (flags keep their last values), {@code OFF} is {@code PROVIDER_ERROR} (stopped
 * for good: the service rejected the key, or the server was closed by someone else); each changed
 * flag is a {@code PROVIDER_CONFIGURATION_CHANGED} naming it. Each state is told once, however
 * many errors the source reports while in it. Listeners run on the server's notifier thread.
 * Thread-safe.
 */
public final class ProviderEvents {
  private final EventProvider provider;
  private final AvsbServer server;
  private final Consumer<DataSourceStatus> statusListener = this::statusChanged;
  private final Consumer<FlagChangeEvent> flagListener = this::flagChanged;
  private DataSourceStatus.State told; // guarded by this
  private boolean stopped; // guarded by this

  /** Events of {@code server} emitted by {@code provider}; nothing before {@link #start}. */
  public ProviderEvents(EventProvider provider, AvsbServer server) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.server = Objects.requireNonNull(server, "server");
  }

  /**
   * Starts listening; {@code initial} is the state the SDK already knows of (the state when
   * initialisation ended), so that it is not told again.
   */
  public void start(DataSourceStatus.State initial) {
    synchronized (this) {
      told = initial;
    }
    server.dataSourceStatusProvider().addStatusListener(statusListener);
    server.flagTracker().addFlagChangeListener(flagListener);
    // a change between reading the state and adding the listener would otherwise be lost
    statusChanged(server.dataSourceStatus());
  }

  /**
   * Stops listening; later changes emit nothing. Waits for a change being told, so that nothing is
   * emitted once this returns.
   */
  public synchronized void stop() {
    stopped = true;
    server.dataSourceStatusProvider().removeStatusListener(statusListener);
    server.flagTracker().removeFlagChangeListener(flagListener);
  }

  private synchronized void statusChanged(DataSourceStatus status) {
    DataSourceStatus.State state = status.state();
    if (stopped || state == told || state == DataSourceStatus.State.INITIALIZING
        || (state == DataSourceStatus.State.INTERRUPTED && !server.isReady())) {
      return; // before the first data the SDK knows the provider as not ready already
    }
    told = state;
    switch (state) {
      case VALID:
        provider.emitProviderReady(ProviderEventDetails.builder()
            .message("A vs B has current flags").build());
        break;
      case INTERRUPTED:
        provider.emitProviderStale(ProviderEventDetails.builder()
            .message("the connection to A vs B is interrupted" + why(status)
                + "; flags keep their last values").build());
        break;
      default:
        provider.emitProviderError(ProviderEventDetails.builder()
            .errorCode(ErrorCode.GENERAL)
            .message("A vs B stopped for good" + why(status) + "; flags keep their last values")
            .build());
    }
  }

  private synchronized void flagChanged(FlagChangeEvent change) {
    if (!stopped) {
      provider.emitProviderConfigurationChanged(ProviderEventDetails.builder()
          .flagsChanged(List.of(change.key())).message("flag changed").build());
    }
  }

  private static String why(DataSourceStatus status) {
    DataSourceStatus.ErrorInfo e = status.lastError();
    return e == null
        ? ""
        : " (" + e.kind() + (e.statusCode() == 0 ? "" : " " + e.statusCode()) + ")";
  }
}
