package io.avsb.opentelemetry;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.internal.telemetry.StandardTerms;
import io.avsb.spi.AvsbHook;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@link AvsbHook} that records each flag evaluation as a {@value #EVENT_NAME} event on the
 * current OpenTelemetry span, with the attributes of the semantic conventions for feature flags:
 * {@code feature_flag.key}, {@code feature_flag.provider.name}, {@code
 * feature_flag.result.variant} (the variation index; absent when the caller's default was used),
 * {@code feature_flag.result.reason} ({@code targeting_match}, {@code split}, {@code default},
 * {@code disabled}, {@code error}) and, for errors, {@code error.type} ({@code flag_not_found},
 * {@code type_mismatch}, {@code provider_not_ready}, {@code parse_error}, {@code general}). The
 * context's key goes into {@code feature_flag.context.id} only when {@linkplain
 * Builder#includeContextId enabled}, since it identifies a person.
 *
 * <pre>{@code
 * AvsbServer server = AvsbServer.builder(sdkKey).hooks(AvsbSpanEvents.create()).buildServer();
 * }</pre>
 *
 * <p>When no span is recording (no OpenTelemetry SDK, no current span, or a span not sampled) the
 * hook returns at once and allocates nothing. Thread-safe.
 */
public final class AvsbSpanEvents implements AvsbHook {
  /** The event name the conventions fix. */
  public static final String EVENT_NAME = "feature_flag.evaluation";
  /** The default {@code feature_flag.provider.name}. */
  public static final String DEFAULT_PROVIDER_NAME = "A vs B";

  static final AttributeKey<String> KEY = AttributeKey.stringKey("feature_flag.key");
  static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("feature_flag.provider.name");
  static final AttributeKey<String> VARIANT = AttributeKey.stringKey("feature_flag.result.variant");
  static final AttributeKey<String> REASON = AttributeKey.stringKey("feature_flag.result.reason");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> CONTEXT_ID = AttributeKey.stringKey("feature_flag.context.id");

  private final String providerName;
  private final boolean includeContextId;

  private AvsbSpanEvents(Builder b) {
    this.providerName = b.providerName;
    this.includeContextId = b.includeContextId;
  }

  /** The hook with the default provider name and without the context id. */
  public static AvsbSpanEvents create() {
    return builder().build();
  }

  /** A builder for the hook. */
  public static Builder builder() {
    return new Builder();
  }

  /** Adds the event to the current span when it is recording. */
  @Override
  public void afterEvaluation(String flagKey, AvsbContext context,
      EvaluationDetail<AvsbValue> detail, AvsbValue defaultValue) {
    Span span = Span.current();
    if (!span.isRecording()) {
      return;
    }
    EvaluationReason reason = detail.reason();
    AttributesBuilder a = Attributes.builder()
        .put(KEY, flagKey)
        .put(PROVIDER, providerName)
        .put(REASON, StandardTerms.reason(reason).toLowerCase(Locale.ROOT));
    if (detail.variationIndex() != EvaluationDetail.NO_VARIATION) {
      a.put(VARIANT, Integer.toString(detail.variationIndex()));
    }
    if (reason.errorKind() != null) {
      a.put(ERROR_TYPE, StandardTerms.errorCode(reason.errorKind()).toLowerCase(Locale.ROOT));
    }
    if (includeContextId) {
      a.put(CONTEXT_ID, context.isMulti() ? context.fullyQualifiedKey() : context.key());
    }
    span.addEvent(EVENT_NAME, a.build());
  }

  /** Configures {@link AvsbSpanEvents}. Not thread-safe. */
  public static final class Builder {
    private String providerName = DEFAULT_PROVIDER_NAME;
    private boolean includeContextId;

    private Builder() {}

    /**
     * The {@code feature_flag.provider.name} (default {@value #DEFAULT_PROVIDER_NAME}).
     *
     * @throws IllegalArgumentException when blank
     */
    public Builder providerName(String providerName) {
      Objects.requireNonNull(providerName, "providerName");
      if (providerName.isBlank()) {
        throw new IllegalArgumentException("providerName must not be blank");
      }
      this.providerName = providerName;
      return this;
    }

    /**
     * Whether events carry the context's key as {@code feature_flag.context.id} (default false:
     * it is personal data; turn it on only where traces may hold it). A multi-context gives its
     * fully qualified key, such as {@code org:acme:user:u1}.
     */
    public Builder includeContextId(boolean includeContextId) {
      this.includeContextId = includeContextId;
      return this;
    }

    /** Builds the hook. */
    public AvsbSpanEvents build() {
      return new AvsbSpanEvents(this);
    }
  }
}
