package io.avsb.openfeature;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.TrackingEventDetails;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.FatalError;
import dev.openfeature.sdk.exceptions.ProviderNotReadyError;
import io.avsb.AvsbConfig;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.EvaluationDetail;
import io.avsb.ScopedAvsb;
import io.avsb.openfeature.internal.Contexts;
import io.avsb.openfeature.internal.ProviderEvents;
import io.avsb.openfeature.internal.Results;
import io.avsb.openfeature.internal.Values;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenFeature provider backed by an A vs B server:
 *
 * <pre>{@code
 * OpenFeatureAPI.getInstance().setProviderAndWait(new AvsbProvider(server));
 * Client flags = OpenFeatureAPI.getInstance().getClient();
 * boolean on = flags.getBooleanValue("checkout-v2", false, new ImmutableContext("u1"));
 * }</pre>
 *
 * <p>All five value types: boolean, string, integer (a number flag truncated toward zero, as
 * {@link ScopedAvsb#getIntFlag} does), double, and object (any JSON value). The evaluation context
 * becomes a context as described in the README ("OpenFeature"): the targeting key is the key,
 * {@code kind} the kind (default {@code user}), {@code kind: "multi"} with one structure attribute
 * per kind a multi-context. A context without a targeting key gives {@code
 * TARGETING_KEY_MISSING}, an invalid one {@code INVALID_CONTEXT}; other errors, the reasons and
 * the variant (the variation index) are mapped as the README's table says, and the flag metadata
 * carries our reason ({@code reasonKind}, {@code ruleIndex}, {@code ruleId}, {@code inExperiment},
 * {@code prerequisiteKey}, {@code errorKind}).
 *
 * <p>Events: {@code PROVIDER_READY} once the server has flags (the SDK emits it when
 * initialisation succeeds; the provider emits it when flags arrive later or after an
 * interruption), {@code PROVIDER_STALE} while the data source is interrupted, {@code
 * PROVIDER_ERROR} when it has stopped for good, and {@code PROVIDER_CONFIGURATION_CHANGED} for
 * each changed flag, naming it. {@code track} records a custom event: the details' value is the
 * metric value, its other fields the data.
 *
 * <p>A provider made from a server leaves the server alone at shutdown: whoever made it closes
 * it. A provider made from a configuration creates its server at initialisation and closes it at
 * shutdown. Thread-safe.
 */
public final class AvsbProvider extends EventProvider {
  /** The provider's name in OpenFeature metadata. */
  public static final String NAME = "A vs B";
  /** How long initialisation waits for a given server's first flags, unless told otherwise. */
  public static final Duration DEFAULT_READY_WAIT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.openfeature");
  private static final Metadata METADATA = () -> NAME;

  private final AvsbServer given;
  private final AvsbConfig config;
  private final Duration readyWait;
  private final AtomicBoolean trackProblemLogged = new AtomicBoolean();
  private volatile AvsbServer server;
  private volatile ProviderEvents events;

  /**
   * A provider evaluating with {@code server}, which it never closes; initialisation waits up to
   * {@link #DEFAULT_READY_WAIT} for the server's first flags.
   */
  public AvsbProvider(AvsbServer server) {
    this(server, DEFAULT_READY_WAIT);
  }

  /** As {@link #AvsbProvider(AvsbServer)}, waiting up to {@code readyWait} at initialisation. */
  public AvsbProvider(AvsbServer server, Duration readyWait) {
    this.given = Objects.requireNonNull(server, "server");
    this.config = null;
    this.readyWait = requireNotNegative(readyWait);
    this.server = server;
  }

  /**
   * A provider that creates a server from {@code config} when OpenFeature initialises it (waiting
   * up to the configuration's start wait) and closes it at shutdown.
   */
  public AvsbProvider(AvsbConfig config) {
    this.given = null;
    this.config = Objects.requireNonNull(config, "config");
    this.readyWait = Duration.ZERO;
  }

  private static Duration requireNotNegative(Duration d) {
    Objects.requireNonNull(d, "readyWait");
    if (d.isNegative()) {
      throw new IllegalArgumentException("readyWait must not be negative, was " + d);
    }
    return d;
  }

  /** The provider's metadata: its {@linkplain #NAME name}. */
  @Override
  public Metadata getMetadata() {
    return METADATA;
  }

  /**
   * The server this provider evaluates with: the one it was given, or the one it created at
   * initialisation (null before).
   */
  public AvsbServer server() {
    return server;
  }

  /**
   * Makes the server (for a configuration), starts the events, and waits for the first flags.
   *
   * @throws ProviderNotReadyError when the flags have not arrived in time; the provider emits
   *     {@code PROVIDER_READY} when they do
   * @throws FatalError when the data source has stopped for good (such as a rejected key)
   */
  @Override
  public void initialize(EvaluationContext evaluationContext) throws Exception {
    AvsbServer s = server;
    if (s == null) {
      s = new AvsbServer(config);
      server = s;
    }
    if (!s.isReady()) {
      s.waitForReady(readyWait);
    }
    DataSourceStatus status = s.dataSourceStatus();
    if (events == null) {
      ProviderEvents e = new ProviderEvents(this, s);
      events = e;
      e.start(s.isReady() ? DataSourceStatus.State.VALID : status.state());
    }
    if (s.isReady()) {
      return;
    }
    if (status.state() == DataSourceStatus.State.OFF) {
      throw new FatalError("A vs B stopped before its first flags arrived: "
          + describe(status) + "; check the SDK key and the logs");
    }
    throw new ProviderNotReadyError("A vs B has no flags yet (" + describe(status)
        + "); the provider will emit PROVIDER_READY when they arrive");
  }

  private static String describe(DataSourceStatus status) {
    DataSourceStatus.ErrorInfo e = status.lastError();
    return "data source " + status.state()
        + (e == null ? "" : ", last error " + e.kind()
            + (e.statusCode() == 0 ? "" : " " + e.statusCode()));
  }

  /** Stops the events, closes the server if this provider created it, and stops the emitter. */
  @Override
  public void shutdown() {
    ProviderEvents e = events;
    if (e != null) {
      e.stop();
    }
    if (given == null) {
      AvsbServer s = server;
      if (s != null) {
        s.close();
      }
    }
    super.shutdown();
  }

  @Override
  public ProviderEvaluation<Boolean> getBooleanEvaluation(
      String key, Boolean defaultValue, EvaluationContext ctx) {
    boolean d = defaultValue != null && defaultValue;
    return evaluate(defaultValue, ctx, avsb -> avsb.getBoolFlagDetail(key, d));
  }

  @Override
  public ProviderEvaluation<String> getStringEvaluation(
      String key, String defaultValue, EvaluationContext ctx) {
    return evaluate(defaultValue, ctx, avsb -> avsb.getStringFlagDetail(key, defaultValue));
  }

  @Override
  public ProviderEvaluation<Integer> getIntegerEvaluation(
      String key, Integer defaultValue, EvaluationContext ctx) {
    int d = defaultValue == null ? 0 : defaultValue;
    return evaluate(defaultValue, ctx, avsb -> avsb.getIntFlagDetail(key, d));
  }

  @Override
  public ProviderEvaluation<Double> getDoubleEvaluation(
      String key, Double defaultValue, EvaluationContext ctx) {
    double d = defaultValue == null ? 0 : defaultValue;
    return evaluate(defaultValue, ctx, avsb -> avsb.getDoubleFlagDetail(key, d));
  }

  @Override
  public ProviderEvaluation<Value> getObjectEvaluation(
      String key, Value defaultValue, EvaluationContext ctx) {
    return evaluate(defaultValue, ctx, avsb -> {
      EvaluationDetail<AvsbValue> d = avsb.getJsonFlagDetail(key, Values.toAvsb(defaultValue));
      Value value = d.isDefaultValue() && defaultValue != null
          ? defaultValue
          : Values.toOpenFeature(d.value());
      return EvaluationDetail.of(value, d.variationIndex(), d.reason());
    });
  }

  private <T> ProviderEvaluation<T> evaluate(T defaultValue, EvaluationContext ctx,
      Function<ScopedAvsb, EvaluationDetail<T>> read) {
    AvsbServer s = server;
    if (s == null) {
      return Results.error(defaultValue, ErrorCode.PROVIDER_NOT_READY,
          "the provider has not been initialised");
    }
    Contexts.Conversion c = Contexts.toAvsb(ctx);
    if (c.context() == null) {
      return Results.error(defaultValue, c.errorCode(), c.message());
    }
    EvaluationDetail<T> detail = read.apply(s.forUser(c.context()));
    ProviderEvaluation<T> result = Results.of(detail);
    if (detail.isDefaultValue()) {
      result.setValue(defaultValue);
    }
    return result;
  }

  /**
   * Records a custom event {@code eventName} for the context: the details' value (if any) is the
   * metric value, its other fields the event's data. A context that cannot be converted drops the
   * event, logged once.
   */
  @Override
  public void track(String eventName, EvaluationContext context, TrackingEventDetails details) {
    AvsbServer s = server;
    Contexts.Conversion c = Contexts.toAvsb(context);
    if (s == null || c.context() == null) {
      if (trackProblemLogged.compareAndSet(false, true)) {
        LOG.warn("OpenFeature track dropped: {} (logged once)",
            s == null ? "the provider has not been initialised" : c.message());
      }
      return;
    }
    ScopedAvsb avsb = s.forUser(c.context());
    Map<String, Object> data = new LinkedHashMap<>();
    Optional<Number> metric = Optional.empty();
    if (details != null) {
      details.asUnmodifiableMap().forEach((k, v) -> data.put(k, Values.toAvsb(v)));
      metric = details.getValue();
    }
    if (metric.isPresent()) {
      avsb.track(eventName, metric.get().doubleValue(), data);
    } else {
      avsb.track(eventName, data);
    }
  }
}
