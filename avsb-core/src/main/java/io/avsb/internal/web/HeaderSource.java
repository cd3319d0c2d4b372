package io.avsb.internal.web;

/**
 * Reads one request header, whatever the web API. Adapters pass a method reference such as {@code
 * request::getHeader}; header names are matched case-insensitively by the container.
 */
@FunctionalInterface
public interface HeaderSource {
  /** The first value of header {@code name}, or null when the request has none. */
  String header(String name);
}
