/**
 * The provider's conversions (contexts, values, results) and its events. Internal: not for use
 * outside the kit.
 */
package io.avsb.openfeature.internal;
