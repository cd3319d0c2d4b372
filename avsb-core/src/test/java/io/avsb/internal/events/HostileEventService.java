package io.avsb.internal.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An events endpoint on 127.0.0.1 that answers what the testkit's service cannot: a 202 whose body
 * never ends, or a 429 with a {@code Retry-After}. Each request is answered by the next queued
 * reply (an empty 202 when none is queued) and recorded with the time it arrived. Thread-safe.
 */
final class HostileEventService implements AutoCloseable {
  /** One received request: when it arrived ({@link System#nanoTime()}), its payload id and body. */
  record Received(long nanos, String payloadId, String body) {}

  private final ServerSocket server;
  private final ConcurrentLinkedQueue<String> replies = new ConcurrentLinkedQueue<>();
  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean closed;

  HostileEventService() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "hostile-events-accept");
    accept.setDaemon(true);
    accept.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Answers the next request with {@code status} and these header lines, with an empty body. */
  HostileEventService reply(int status, String... headerLines) {
    StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
    for (String h : headerLines) {
      b.append(h).append("\r\n");
    }
    replies.add(b.append("Content-Length: 0\r\n\r\n").toString());
    return this;
  }

  /** Answers the next request with a 202 whose chunked body trickles forever. */
  HostileEventService replyWithEndlessBody() {
    replies.add("ENDLESS");
    return this;
  }

  /** The next request received, waiting up to 30 s; fails when none arrives. */
  Received next() throws InterruptedException {
    Received r = received.poll(30, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request arrived within 30 s");
    }
    return r;
  }

  int connections() {
    return connections.get();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = server.accept();
        sockets.add(s);
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(s), "hostile-events-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (!closed) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        int length = 0;
        String payloadId = null;
        for (String line : head.split("\r\n")) {
          String lower = line.toLowerCase(Locale.ROOT);
          if (lower.startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          } else if (lower.startsWith("x-avsb-payload-id:")) {
            payloadId = line.substring(18).trim();
          }
        }
        byte[] body = in.readNBytes(length);
        received.add(new Received(System.nanoTime(), payloadId,
            new String(body, StandardCharsets.UTF_8)));
        String reply = replies.poll();
        if ("ENDLESS".equals(reply)) {
          out.write("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
          while (!closed) {
            out.write("1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(50); // the trickle itself, not synchronisation
          }
          return;
        }
        out.write((reply != null ? reply : "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the client went away
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1
          : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
