/**
 * The servlet integration: {@link io.avsb.servlet.AvsbServletContextListener} starts one server
 * per webapp, {@link io.avsb.servlet.AvsbFilter} puts a helper scoped to the request's user in the
 * request attribute {@code avsb}, {@link io.avsb.servlet.Avsb} reaches both from code, and {@link
 * io.avsb.servlet.AvsbServlets} sets everything up programmatically. Who a request is for is decided
 * by an {@link io.avsb.spi.ContextResolver}, the contract every A vs B web adapter shares. Everything
 * under {@code io.avsb.servlet.internal} is implementation.
 */
package io.avsb.servlet;
