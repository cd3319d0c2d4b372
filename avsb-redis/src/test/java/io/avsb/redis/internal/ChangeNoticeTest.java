package io.avsb.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.spi.DataKind;
import io.avsb.spi.SerializedItem;
import org.junit.jupiter.api.Test;

class ChangeNoticeTest {
  @Test
  void aNoticeAsTheScriptPublishesItIsReadBack() {
    String key = "a key/with spaces\nand a newline";
    String message = "42 " + ChangeNotice.header(DataKind.SEGMENTS, 7, key) + "\n{\"x\":\n1}";
    assertThat(ChangeNotice.parse(message)).isEqualTo(
        new ChangeNotice(42, DataKind.SEGMENTS, key, new SerializedItem(7, "{\"x\":\n1}")));
  }

  @Test
  void malformedNoticesAreRejected() {
    assertThatThrownBy(() -> ChangeNotice.parse("no newline"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChangeNotice.parse("1 widgets 2 k\n{}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
    assertThatThrownBy(() -> ChangeNotice.parse("x flags 2 k\n{}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChangeNotice.parse("1 flags 2\n{}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
