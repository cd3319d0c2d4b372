/** Internals of {@link io.avsb.testkit.AvsbTestService}: stream connections and SSE framing. */
package io.avsb.testkit.internal.service;
