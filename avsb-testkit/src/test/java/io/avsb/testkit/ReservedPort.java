package io.avsb.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/** A loopback port nothing listens on, for an SDK pointed at a service that is down. */
final class ReservedPort {
  private ReservedPort() {}

  /** A port that was free a moment ago; connecting to it is refused until a service binds it. */
  static int free() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URI of {@code port} on loopback. */
  static URI uri(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }
}
