package io.avsb.examples.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP/1.1 requests to a container on localhost. Thread-safe. */
final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final int port;

  Http(int port) {
    this.port = port;
  }

  /** A GET with header name/value pairs. */
  HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    return client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A POST with an empty body and header name/value pairs. */
  HttpResponse<String> post(String path, String... headers)
      throws IOException, InterruptedException {
    return client.send(request(path, headers).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A GET that must answer 200, as JSON. */
  JsonNode json(String path, String... headers) throws IOException, InterruptedException {
    HttpResponse<String> r = get(path, headers);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /**
   * A GET written byte for byte ({@code headerLines} in ISO-8859-1), for header values that
   * {@link HttpClient} refuses to send. Returns the raw response.
   */
  String raw(String path, String headerLines) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + headerLines + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(response);
      return response.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** The JSON body of a raw response. */
  static JsonNode body(String rawResponse) throws IOException {
    return JSON.readTree(rawResponse.substring(rawResponse.indexOf("\r\n\r\n") + 4));
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return b;
  }
}
