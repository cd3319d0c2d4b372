/**
 * Request-to-context logic shared by the servlet and JAX-RS adapters. Nothing here depends on a
 * web API: the adapters hand in a {@link io.avsb.internal.web.HeaderSource}.
 *
 * <p>Decisions, in one place:
 *
 * <ul>
 *   <li>Header values are untrusted ({@link io.avsb.internal.web.UntrustedText}): over 256
 *       characters, or holding a control, format, private-use, unassigned or separator character,
 *       a value is rejected. A request with any rejected value is evaluated for the anonymous
 *       context, never answered with an error.
 *   <li>A rejected value is never logged, not even truncated: the log line names the source (the
 *       header name, which is configuration), the reason and the length, once per reason per
 *       {@link io.avsb.internal.web.RejectionLog}; later rejections only count.
 *   <li>The seed's mapping ({@link io.avsb.internal.web.HeaderMapping#SEED}): {@code x-user-id}
 *       gives the key, {@code x-user-plan} the {@code plan} attribute; no id gives the anonymous
 *       context with key {@code anon} ({@link io.avsb.internal.web.AnonymousContexts}).
 *   <li>Sticky visitors get a random 22-character URL-safe key (128 bits from {@code
 *       SecureRandom}, {@link io.avsb.internal.web.VisitorKeys}); a returned key that is not
 *       exactly that shape is replaced, not trusted.
 *   <li>Within one request a flag gives one value and one evaluation record ({@link
 *       io.avsb.internal.web.MemoizingScopedAvsb}).
 * </ul>
 */
package io.avsb.internal.web;
