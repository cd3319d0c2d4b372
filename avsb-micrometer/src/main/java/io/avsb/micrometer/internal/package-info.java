/**
 * The evaluation counters with their tag bounds, and the meters read from a server. Internal: not
 * for use outside the kit.
 */
package io.avsb.micrometer.internal;
