package io.avsb.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Guards the layout {@link FlagReader#evaluate} documents: its bytecode stays above C2's default
 * {@code FreqInlineSize} (325 bytes), so the getters do not absorb it and stay inlinable into the
 * caller (the reason the helper from {@code forUser} costs nothing with events on). The length is
 * read from the class file as the JVM loads it.
 */
class FlagReaderInliningTest {
  private static final int FREQ_INLINE_SIZE = 325;

  @Test
  void evaluateIsTooLargeForC2ToInlineIntoTheGetters() throws IOException {
    assertThat(codeLength(FlagReader.class, "evaluate")).isGreaterThan(FREQ_INLINE_SIZE);
  }

  @Test
  void aGetterIsSmallEnoughToInlineIntoItsCaller() throws IOException {
    assertThat(codeLength(ScopedClient.class, "getBoolFlag")).isLessThan(FREQ_INLINE_SIZE);
  }

  /** The longest {@code Code} attribute among the methods called {@code name} in {@code type}. */
  private static int codeLength(Class<?> type, String name) throws IOException {
    try (InputStream raw = type.getResourceAsStream(type.getSimpleName() + ".class");
        DataInputStream in = new DataInputStream(raw)) {
      skip(in, 8); // magic, minor, major
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 7, 8, 16, 19, 20 -> skip(in, 2);
          case 15 -> skip(in, 3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4);
          case 5, 6 -> {
            skip(in, 8);
            i++; // longs and doubles take two slots
          }
          default -> throw new IOException("constant pool tag " + tag);
        }
      }
      skip(in, 6); // access, this, super
      skip(in, 2 * in.readUnsignedShort()); // interfaces
      int fields = in.readUnsignedShort();
      for (int f = 0; f < fields; f++) {
        skip(in, 6);
        skipAttributes(in);
      }
      int longest = -1;
      int methods = in.readUnsignedShort();
      for (int m = 0; m < methods; m++) {
        skip(in, 2);
        String methodName = utf8[in.readUnsignedShort()];
        skip(in, 2);
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
          String attribute = utf8[in.readUnsignedShort()];
          int length = in.readInt();
          if (attribute.equals("Code") && methodName.equals(name)) {
            skip(in, 4); // max stack, max locals
            int code = in.readInt();
            longest = Math.max(longest, code);
            skip(in, length - 8);
          } else {
            skip(in, length);
          }
        }
      }
      assertThat(longest).as("a method called %s in %s", name, type).isPositive();
      return longest;
    }
  }

  // skipBytes may skip less than asked on a compressed stream; reading cannot
  private static void skip(DataInputStream in, int n) throws IOException {
    in.readFully(new byte[n]);
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      skip(in, 2);
      skip(in, in.readInt());
    }
  }
}
