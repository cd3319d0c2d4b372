/**
 * The web contract every adapter (servlet, JAX-RS, and those to come) is built on, with no web API
 * of its own: adapters hand in an {@link io.avsb.spi.WebRequest} and request attributes, and call
 * the built-in {@link io.avsb.spi.ContextResolver}s and {@link io.avsb.internal.web.WebHelpers}.
 *
 * <p>Decisions, in one place:
 *
 * <ul>
 *   <li>A resolver returns the identified context or null for nobody; nobody, an invalid context
 *       and an exception all give the anonymous context (key {@code anon}), the last two logged
 *       once per {@link io.avsb.internal.web.WebLog} (one per webapp or JAX-RS application, never
 *       static). A missing or failing server gives a helper that answers every default.
 *   <li>The helper is kept under {@link io.avsb.internal.web.HelperAttributes#HELPER} and the
 *       adapter's configurable name ({@code avsb} by default), so one request has one helper
 *       whichever adapter resolved it first.
 *   <li>Header values are untrusted ({@link io.avsb.internal.web.UntrustedText}): over 256
 *       characters, or holding a control, format, private-use, unassigned or separator character,
 *       a value is rejected and the request names nobody; never an error answer.
 *   <li>A rejected value is never logged, not even truncated: the log line names the source (the
 *       header name, which is configuration), the reason and the length, once per reason per
 *       {@link io.avsb.internal.web.RejectionLog}; later rejections only count.
 *   <li>The default header mapping ({@link io.avsb.internal.web.HeaderMapping#DEFAULT}): {@code
 *       x-user-id} gives the key, {@code x-user-plan} the {@code plan} attribute.
 *   <li>Sticky visitors ({@link io.avsb.internal.web.VisitorCookieResolver}) get a random
 *       22-character URL-safe key (128 bits from {@code SecureRandom}, {@link
 *       io.avsb.internal.web.VisitorKeys}) in a cookie ({@code avsb_visitor} unless renamed) kept
 *       400 days; a returned key that is not exactly that shape is replaced, not trusted.
 *   <li>Within one request a flag gives one value and one evaluation record ({@link
 *       io.avsb.internal.web.MemoizingScopedAvsb}).
 * </ul>
 */
package io.avsb.internal.web;
