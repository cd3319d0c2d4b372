package io.avsb.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.internal.web.UntrustedText.Rejection;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UntrustedTextTest {
  @Test
  void nullEmptyAndBlankAreAbsentNotRejected() {
    for (String raw : new String[] {null, "", "   "}) {
      UntrustedText.Verdict v = UntrustedText.check(raw);
      assertThat(v.accepted()).isFalse();
      assertThat(v.rejected()).isFalse();
    }
  }

  @Test
  void ordinaryValueIsAcceptedAndTrimmed() {
    assertThat(UntrustedText.check(" u2 ").value()).isEqualTo("u2");
    assertThat(UntrustedText.check("Zoë Ünïcode 名前").value()).isEqualTo("Zoë Ünïcode 名前");
  }

  @Test
  void valueAtTheBoundIsAcceptedAndOneMoreIsRejected() {
    assertThat(UntrustedText.check("a".repeat(256)).accepted()).isTrue();
    UntrustedText.Verdict v = UntrustedText.check("a".repeat(257));
    assertThat(v.rejection()).isEqualTo(Rejection.TOO_LONG);
    assertThat(v.length()).isEqualTo(257);
    assertThat(v.value()).isNull();
  }

  @Test
  void crLfTabEscDelAndC1AreControlCharacters() {
    for (String raw : new String[] {"u2\r\nSet-Cookie: x", "a\tb", "\u001b[31m", "a\u007f", "a\u0085"}) {
      assertThat(UntrustedText.check(raw).rejection()).as(raw).isEqualTo(Rejection.CONTROL_CHARACTER);
    }
  }

  @Test
  void bidiOverrideZeroWidthPrivateUseAndLoneSurrogateAreUnprintable() {
    for (String raw : new String[] {"admin\u202e", "a\u200bb", "\ue000", "a\ud800b", "a\u2028b"}) {
      assertThat(UntrustedText.check(raw).rejection()).as(raw).isEqualTo(Rejection.UNPRINTABLE);
    }
  }

  @Test
  void pairedSurrogatesAreAccepted() {
    assertThat(UntrustedText.check("cat \ud83d\udc08").accepted()).isTrue();
  }

  @Test
  void printableAsciiWithinTheBoundIsAlwaysAccepted() {
    Random random = new Random(20261124);
    for (int i = 0; i < 2000; i++) {
      String raw = printable(random);
      UntrustedText.Verdict v = UntrustedText.check(raw);
      assertThat(v.rejected()).as(raw).isFalse();
      assertThat(v.accepted()).as(raw).isEqualTo(!raw.isBlank());
    }
  }

  @Test
  void anyControlCharacterAnywhereIsRejected() {
    Random random = new Random(11242026);
    for (int i = 0; i < 2000; i++) {
      String raw = printable(random);
      raw = raw.substring(0, Math.min(raw.length(), UntrustedText.MAX_LENGTH - 1));
      int control = random.nextBoolean() ? random.nextInt(0x20) : 0x7f + random.nextInt(0x21);
      int pos = random.nextInt(raw.length() + 1);
      String hostile = raw.substring(0, pos) + (char) control + raw.substring(pos);
      assertThat(UntrustedText.check(hostile).rejection())
          .as("control %04x at %d", control, pos)
          .isEqualTo(Rejection.CONTROL_CHARACTER);
    }
  }

  private static String printable(Random random) {
    char[] chars = new char[random.nextInt(UntrustedText.MAX_LENGTH + 1)];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) (' ' + random.nextInt('~' - ' ' + 1));
    }
    return new String(chars);
  }
}
