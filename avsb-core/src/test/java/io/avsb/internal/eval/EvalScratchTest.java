package io.avsb.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EvalScratchTest {
  @Test
  void perThreadValueHoldsOnlyJdkArraysSoNoClassLoaderIsPinned() {
    Object[] s = EvalScratch.get();
    assertThat(s.getClass().getClassLoader()).isNull();
    for (Object slot : s) {
      assertThat(slot.getClass().isArray()).isTrue();
      assertThat(slot.getClass().getClassLoader()).as("%s", slot.getClass()).isNull();
    }
  }

  @Test
  void eachThreadHasItsOwnArrays() throws Exception {
    AtomicReference<Object[]> other = new AtomicReference<>();
    Thread t = new Thread(() -> other.set(EvalScratch.get()));
    t.start();
    t.join();
    assertThat(other.get()).isNotNull().isNotSameAs(EvalScratch.get());
    assertThat(EvalScratch.get()).isSameAs(EvalScratch.get());
  }

  @Test
  void stacksGrowAndUnwindAndSearchFromABase() {
    Object[] s = EvalScratch.get();
    int start = EvalScratch.flagDepth(s);
    for (int i = 0; i < 40; i++) {
      EvalScratch.pushFlag(s, "f" + i);
    }
    assertThat(EvalScratch.flagDepth(s)).isEqualTo(start + 40);
    assertThat(EvalScratch.flagOnStack(s, "f3", start)).isTrue();
    assertThat(EvalScratch.flagOnStack(s, "f3", start + 4)).isFalse();
    assertThat(EvalScratch.flagOnStack(s, "f39", start + 39)).isTrue();
    for (int i = 0; i < 40; i++) {
      EvalScratch.popFlag(s);
    }
    assertThat(EvalScratch.flagDepth(s)).isEqualTo(start);
    EvalScratch.pushSegment(s, "seg");
    assertThat(EvalScratch.segmentOnStack(s, "seg")).isTrue();
    EvalScratch.popSegment(s);
    assertThat(EvalScratch.segmentOnStack(s, "seg")).isFalse();
  }

  @Test
  void hashBufferGrowsOnDemand() {
    Object[] s = EvalScratch.get();
    byte[] big = EvalScratch.hashBuffer(s, 10_000);
    assertThat(big.length).isGreaterThanOrEqualTo(10_000);
    assertThat(EvalScratch.hashBuffer(s, 10)).isSameAs(big);
  }
}
