package io.avsb.internal.web;

import io.avsb.AvsbContext;
import io.avsb.spi.ContextResolver;
import io.avsb.spi.WebRequest;
import java.util.Objects;

/**
 * The header resolver of every adapter: builds a context from request headers with a {@link
 * HeaderMapping}: the key header gives a {@code user} context's key, each attribute header a string
 * attribute. Without a key, or when any mapped value is rejected by {@link UntrustedText}, the
 * request names nobody; rejections go to the {@link RejectionLog}. Never throws. Thread-safe.
 */
public final class HeaderContextResolver implements ContextResolver {
  private final HeaderMapping mapping;
  private final RejectionLog rejections;
  // the mapping's attribute headers and names, in its order, walked without an iterator per request
  private final String[] headerNames;
  private final String[] attributeNames;

  /** A resolver for {@code mapping} reporting rejected values to {@code rejections}. */
  public HeaderContextResolver(HeaderMapping mapping, RejectionLog rejections) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.rejections = Objects.requireNonNull(rejections, "rejections");
    this.headerNames = mapping.attributeHeaders().keySet().toArray(new String[0]);
    this.attributeNames = mapping.attributeHeaders().values().toArray(new String[0]);
  }

  /** The mapping in use. */
  public HeaderMapping mapping() {
    return mapping;
  }

  /**
   * The identified context, or null when the headers name nobody: the key header is absent or
   * blank, or some mapped value was rejected.
   */
  public AvsbContext identify(HeaderSource headers) {
    UntrustedText.Verdict key = UntrustedText.check(headers.header(mapping.keyHeader()));
    if (!key.accepted()) {
      rejections.rejected(mapping.keyHeader(), key);
      return null;
    }
    AvsbContext.Builder builder = AvsbContext.builder(key.value());
    for (int i = 0; i < headerNames.length; i++) {
      UntrustedText.Verdict v = UntrustedText.check(headers.header(headerNames[i]));
      if (v.rejected()) {
        rejections.rejected(headerNames[i], v);
        return null;
      }
      if (v.accepted()) {
        builder.set(attributeNames[i], v.value());
      }
    }
    AvsbContext context = builder.build();
    return context.isValid() ? context : null;
  }

  /** The identified context, or {@link AnonymousContexts#ANONYMOUS}. */
  public AvsbContext resolve(HeaderSource headers) {
    AvsbContext context = identify(headers);
    return context != null ? context : AnonymousContexts.ANONYMOUS;
  }

  @Override
  public AvsbContext resolve(WebRequest request) {
    return identify(request::header);
  }

  @Override
  public String toString() {
    return "headers(" + mapping.keyHeader() + ")";
  }
}
