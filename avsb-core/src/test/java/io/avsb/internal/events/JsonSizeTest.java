package io.avsb.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class JsonSizeTest {
  private static int written(AvsbValue value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonCodec.utf8Generator(out)) {
      JsonCodec.write(value, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.size();
  }

  @Test
  void aStringsSizeIsExactlyWhatTheEventWriterWrites() {
    for (int seed = 0; seed < 3_000; seed++) {
      String s = new RandomEvents(seed, seed % 3 == 0).string();
      assertThat(JsonSize.ofString(s, Long.MAX_VALUE)).as("seed %d: %s", seed, s)
          .isEqualTo(written(AvsbValue.of(s)));
    }
  }

  @Test
  void escapesPairsAndLoneSurrogatesAreCountedAsWritten() {
    assertThat(JsonSize.ofString("\n\t\r\b\f", Long.MAX_VALUE)).isEqualTo(2 + 5 * 2);
    assertThat(JsonSize.ofString("\u0001\u001f", Long.MAX_VALUE)).isEqualTo(2 + 2 * 6);
    assertThat(JsonSize.ofString("\uD83D\uDE00", Long.MAX_VALUE)).isEqualTo(2 + 4);
    assertThat(JsonSize.ofString("\uD83D", Long.MAX_VALUE)).isEqualTo(2 + 1);
    assertThat(JsonSize.ofString("\uDE00\uD83D", Long.MAX_VALUE)).isEqualTo(2 + 2);
    for (String s : new String[] {"\n\t\r\b\f", "\u0001\u001f", "\uD83D\uDE00", "\uD83D", "\uDE00\uD83D"}) {
      assertThat(JsonSize.ofString(s, Long.MAX_VALUE)).as(s).isEqualTo(written(AvsbValue.of(s)));
    }
  }

  @Test
  void aValuesSizeIsExactForIntegersAndAnUpperBoundForOtherNumbers() {
    for (int seed = 0; seed < 3_000; seed++) {
      AvsbValue v = new RandomEvents(seed, seed % 3 == 0).value(4);
      long size = JsonSize.of(v, Long.MAX_VALUE - 1);
      if (hasFraction(v)) {
        assertThat(size).as("seed %d: %s", seed, v).isGreaterThanOrEqualTo(written(v));
      } else {
        assertThat(size).as("seed %d: %s", seed, v).isEqualTo(written(v));
      }
    }
  }

  private static boolean hasFraction(AvsbValue v) {
    if (v instanceof AvsbValue.Num n) {
      double d = n.value();
      return !(d == Math.rint(d) && Math.abs(d) < 1e15);
    }
    if (v instanceof AvsbValue.Arr a) {
      return a.values().stream().anyMatch(JsonSizeTest::hasFraction);
    }
    if (v instanceof AvsbValue.Obj o) {
      return o.values().values().stream().anyMatch(JsonSizeTest::hasFraction);
    }
    return false;
  }
}
