package io.avsb.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A lean HTTP/1.1 load generator: a few threads, each on its own keep-alive connection, send GET
 * requests one after another (no pipelining) until a fixed total has been sent, reading each
 * response fully (it must be a {@code 200} with a {@code Content-Length}). Each request carries
 * the seed's headers for one of 1,024 users, cycling, half of them on the {@code pro} plan. The
 * request bytes are prebuilt so the generator spends as little CPU as it can. Not thread-safe;
 * one run at a time.
 */
final class KeepAliveLoad {
  private static final int USERS = 1_024;

  private final InetSocketAddress address;
  private final int connections;

  KeepAliveLoad(InetSocketAddress address, int connections) {
    this.address = address;
    this.connections = connections;
  }

  /** Sends {@code total} requests to {@code path}; returns the elapsed nanoseconds. */
  long run(String path, long total) {
    byte[][] requests = new byte[USERS][];
    for (int u = 0; u < USERS; u++) {
      requests[u] = ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nx-user-id: user-" + u
          + "\r\nx-user-plan: " + (u % 2 == 0 ? "pro" : "free") + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
    }
    AtomicLong remaining = new AtomicLong(total);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      int first = c * (USERS / connections);
      Thread t = new Thread(() -> {
        try {
          drive(requests, first, remaining);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
          remaining.set(0);
        }
      }, "bench-load-" + c);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    long elapsed = System.nanoTime() - start;
    if (failure.get() != null) {
      throw new IllegalStateException("the load run failed on " + path, failure.get());
    }
    return elapsed;
  }

  /** Sends one request to {@code path} as user {@code user}; returns the body. */
  String fetch(String path, int user) {
    try (Socket socket = new Socket()) {
      socket.connect(address);
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
          + "x-user-id: user-" + user + "\r\nx-user-plan: " + (user % 2 == 0 ? "pro" : "free")
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(readResponse(new BufferedInputStream(socket.getInputStream())),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void drive(byte[][] requests, int first, AtomicLong remaining) throws IOException {
    try (Socket socket = new Socket()) {
      socket.setTcpNoDelay(true);
      socket.connect(address);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
      int user = first;
      while (remaining.getAndDecrement() > 0) {
        out.write(requests[user]);
        out.flush();
        readResponse(in);
        user = (user + 1) % requests.length;
      }
    }
  }

  /** Reads one response; returns its body. */
  private static byte[] readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder(256);
    int last = 0;
    while (last != 0x0D0A0D0A) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed in the response head");
      }
      head.append((char) b);
      last = last << 8 | b;
    }
    String h = head.toString();
    if (!h.startsWith("HTTP/1.1 200")) {
      throw new IOException("unexpected response: " + h.lines().findFirst().orElse(""));
    }
    int length = contentLength(h);
    byte[] body = in.readNBytes(length);
    if (body.length != length) {
      throw new IOException("connection closed in the response body");
    }
    return body;
  }

  private static int contentLength(String head) throws IOException {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
        return Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    throw new IOException("no Content-Length in the response: " + head);
  }
}
