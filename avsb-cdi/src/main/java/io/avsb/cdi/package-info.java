/**
 * A vs B for CDI: {@link io.avsb.cdi.AvsbProducers} makes {@code @Inject ScopedAvsb} (the current
 * request's helper) and {@code @Inject AvsbServer} work in any CDI 4 container (Weld, WildFly,
 * Payara, Open Liberty, TomEE). Everything under {@code io.avsb.cdi.internal} is implementation
 * and may change without notice.
 */
package io.avsb.cdi;
