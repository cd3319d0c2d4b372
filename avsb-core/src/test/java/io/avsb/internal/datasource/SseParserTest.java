package io.avsb.internal.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseParserTest {
  private final List<SseEvent> events = new ArrayList<>();
  private final List<String> comments = new ArrayList<>();
  private final List<Long> retries = new ArrayList<>();
  private final SseParser parser =
      new SseParser(
          new SseParser.Listener() {
            @Override
            public void onEvent(SseEvent event) {
              events.add(event);
            }

            @Override
            public void onComment(String comment) {
              comments.add(comment);
            }

            @Override
            public void onRetry(long millis) {
              retries.add(millis);
            }
          });

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\r\n"})
  void everyLineEndingSeparatesLinesAndEvents(String eol) throws IOException {
    feed("event: put" + eol + "data: one" + eol + "data: two" + eol + eol + "data: three" + eol + eol);

    assertThat(events).containsExactly(new SseEvent("put", "one\ntwo", ""), new SseEvent("message", "three", ""));
  }

  @Test
  void mixedLineEndingsInOneStream() throws IOException {
    feed("data: a\rdata: b\r\ndata: c\n\r\n");

    assertThat(events).containsExactly(new SseEvent("message", "a\nb\nc", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\r\n"})
  void byteByByteFeedingGivesTheSameEvents(String eol) throws IOException {
    String text = "event: patch" + eol + "data: {\"k\": \"é€😀\"}" + eol + ": hb" + eol + "id: 7" + eol + eol;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      parser.feed(new byte[] {b}, 0, 1);
    }

    assertThat(events).containsExactly(new SseEvent("patch", "{\"k\": \"é€😀\"}", "7"));
    assertThat(comments).containsExactly(" hb");
  }

  @Test
  void crlfSplitAcrossChunksIsOneLineEnd() throws IOException {
    feed("data: x\r");
    feed("\n\r");
    feed("\n");

    assertThat(events).containsExactly(new SseEvent("message", "x", ""));
  }

  @Test
  void commentsAreReportedAndDispatchNothing() throws IOException {
    feed(":\n: keep-alive\n:no space\n\n");

    assertThat(comments).containsExactly("", " keep-alive", "no space");
    assertThat(events).isEmpty();
  }

  @Test
  void onlyOneLeadingSpaceAfterTheColonIsStripped() throws IOException {
    feed("data:  two spaces\ndata:none\n\n");

    assertThat(events).containsExactly(new SseEvent("message", " two spaces\nnone", ""));
  }

  @Test
  void fieldWithoutColonHasEmptyValue() throws IOException {
    feed("data\ndata\n\nevent\ndata: x\n\n");

    assertThat(events).containsExactly(new SseEvent("message", "\n", ""), new SseEvent("message", "x", ""));
  }

  @Test
  void eventWithoutDataIsNotDispatchedAndItsNameDoesNotLeak() throws IOException {
    feed("event: put\n\ndata: later\n\n");

    assertThat(events).containsExactly(new SseEvent("message", "later", ""));
  }

  @Test
  void idPersistsAcrossEventsAndIgnoresValuesWithNul() throws IOException {
    feed("id: 1\ndata: a\n\ndata: b\n\nid: bad\0id\ndata: c\n\nid\ndata: d\n\n");

    assertThat(events)
        .extracting(SseEvent::lastEventId)
        .containsExactly("1", "1", "1", "");
  }

  @Test
  void retryReportsOnlyAsciiDigits() throws IOException {
    feed("retry: 3000\nretry: 12a\nretry:\nretry: -5\nretry: 99999999999999999999\nretry:250\n\n");

    assertThat(retries).containsExactly(3000L, 250L);
    assertThat(events).isEmpty();
  }

  @Test
  void unknownFieldsAreIgnored() throws IOException {
    feed("foo: bar\ndata: x\nData: y\n\n");

    assertThat(events).containsExactly(new SseEvent("message", "x", ""));
  }

  @Test
  void leadingByteOrderMarkIsDropped() throws IOException {
    feed("\uFEFFevent: put\ndata: x\n\n");

    assertThat(events).containsExactly(new SseEvent("put", "x", ""));
  }

  @Test
  void halfAnEventIsNeverDispatched() throws IOException {
    feed("event: patch\ndata: {\"path\": \"/flags/a\"");
    feed("\ndata: more\n");

    assertThat(events).isEmpty();
  }

  @Test
  void overlongLineIsRejected() {
    SseParser small = new SseParser(e -> events.add(e), 16);

    assertThatThrownBy(() -> feed(small, "data: 0123456789abcdef\n\n"))
        .isInstanceOf(SseFormatException.class)
        .hasMessageContaining("longer than 16");
  }

  @Test
  void oversizedEventIsRejected() {
    SseParser small = new SseParser(e -> events.add(e), 16);

    assertThatThrownBy(() -> feed(small, "data: 0123456\ndata: 0123456\ndata: 0123456\n\n"))
        .isInstanceOf(SseFormatException.class)
        .hasMessageContaining("larger than 16");
  }

  @Test
  void listenerExceptionLeavesFeed() {
    SseParser failing =
        new SseParser(
            e -> {
              throw new StreamDataException("bad " + e.type());
            });

    assertThatThrownBy(() -> feed(failing, "event: put\ndata: x\n\n"))
        .isInstanceOf(StreamDataException.class)
        .hasMessage("bad put");
  }

  // 200 seeded random splittings per line ending; a failure names the seed and cuts to replay
  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\r\n"})
  void anySplitIntoChunksGivesTheSameEvents(String eol) throws IOException {
    String text =
        ": hello" + eol + "event: put" + eol + "id: 1" + eol + "data: {\"a\":" + eol + "data:  1}" + eol + eol
            + "data: ünï" + eol + eol;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<SseEvent> whole = new ArrayList<>();
    new SseParser(whole::add).feed(bytes, 0, bytes.length);
    java.util.Random random = new java.util.Random(20261124L);
    for (int run = 0; run < 200; run++) {
      List<Integer> cuts = new ArrayList<>();
      for (int i = random.nextInt(9); i > 0; i--) {
        cuts.add(1 + random.nextInt(40));
      }
      List<SseEvent> chunked = new ArrayList<>();
      SseParser p = new SseParser(chunked::add);
      int at = 0;
      for (int cut : cuts) {
        int n = Math.min(cut, bytes.length - at);
        p.feed(bytes, at, n);
        at += n;
      }
      p.feed(bytes, at, bytes.length - at);

      assertThat(chunked).as("cuts %s", cuts).isEqualTo(whole).hasSize(2);
      assertThat(chunked.get(0)).isEqualTo(new SseEvent("put", "{\"a\":\n 1}", "1"));
    }
  }

  private void feed(String text) throws IOException {
    feed(parser, text);
  }

  private static void feed(SseParser p, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    p.feed(bytes, 0, bytes.length);
  }
}
