/**
 * The status and explain endpoints' reports, access rule and JSON answers. Internal: not for use
 * outside the kit.
 */
package io.avsb.servlet.internal.endpoints;
