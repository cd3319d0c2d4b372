package io.avsb.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.internal.web.UntrustedText.Rejection;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
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

  @Property
  void printableAsciiWithinTheBoundIsAlwaysAccepted(@ForAll("printable") String raw) {
    UntrustedText.Verdict v = UntrustedText.check(raw);
    assertThat(v.rejected()).isFalse();
    assertThat(v.accepted()).isEqualTo(!raw.isBlank());
  }

  @Property
  void anyControlCharacterAnywhereIsRejected(
      @ForAll("printable") String raw,
      @ForAll @IntRange(min = 0, max = 0x9f) int control,
      @ForAll @IntRange(min = 0, max = 100) int at) {
    if (!Character.isISOControl(control)) {
      return;
    }
    int pos = Math.min(at, raw.length());
    String hostile = raw.substring(0, pos) + (char) control + raw.substring(pos);
    if (hostile.length() > UntrustedText.MAX_LENGTH) {
      return;
    }
    assertThat(UntrustedText.check(hostile).rejection()).isEqualTo(Rejection.CONTROL_CHARACTER);
  }

  @Provide
  Arbitrary<String> printable() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(UntrustedText.MAX_LENGTH);
  }
}
