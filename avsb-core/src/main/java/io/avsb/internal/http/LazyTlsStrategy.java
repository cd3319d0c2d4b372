package io.avsb.internal.http;

import java.io.IOException;
import java.net.Socket;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * A TLS socket strategy made when the first connection is upgraded to TLS, then kept. A strategy
 * that cannot be made (the JVM's trust store is unreadable) fails that connection with an {@link
 * IOException}, as a network error, and is tried again on the next. Thread-safe.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {
  private final Supplier<TlsSocketStrategy> maker;
  private volatile TlsSocketStrategy made;

  LazyTlsStrategy(Supplier<TlsSocketStrategy> maker) {
    this.maker = Objects.requireNonNull(maker, "maker");
  }

  @Override
  public SSLSocket upgrade(Socket socket, String target, int port, Object attachment,
      HttpContext context) throws IOException {
    return strategy().upgrade(socket, target, port, attachment, context);
  }

  private TlsSocketStrategy strategy() throws IOException {
    TlsSocketStrategy s = made;
    if (s != null) {
      return s;
    }
    synchronized (this) {
      if (made == null) {
        try {
          made = Objects.requireNonNull(maker.get(), "TLS strategy");
        } catch (RuntimeException e) {
          throw new IOException("TLS is not available in this JVM: " + e, e);
        }
      }
      return made;
    }
  }
}
