package io.avsb.testkit;

import io.avsb.AvsbValue;
import java.lang.reflect.AnnotatedElement;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension giving each test its own {@link TestData} and {@link MockAvsbServer}, as
 * parameters of the test method (and of its {@code @BeforeEach} and {@code @AfterEach} methods,
 * which get the same instances), and closing them after the test.
 *
 * <pre>{@code
 * @ExtendWith(AvsbExtension.class)
 * class CheckoutTest {
 *   @Test
 *   void powerUserSeesNewCheckout(TestData td, MockAvsbServer mock) {
 *     td.update(td.flag("checkout-v2").variationForUser("u_power", true).fallthroughVariation(false));
 *     assertThat(mock.forUser(Map.of("key", "u_power")).getBoolFlag("checkout-v2", false)).isTrue();
 *   }
 * }
 * }</pre>
 *
 * <p>The mock server reads the same {@code TestData}. Flags can be preset for every test with
 * {@link #withTestData} on an instance registered with {@code @RegisterExtension}, and per class
 * or method with {@link AvsbFlag}. Instances are immutable and keep no state between tests (each
 * test's objects live in its own JUnit store), so tests may run in parallel.
 */
public final class AvsbExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AvsbExtension.class);

  private final Consumer<TestData> setup;

  /** An extension whose test data starts empty (apart from {@link AvsbFlag} annotations). */
  public AvsbExtension() {
    this(td -> { });
  }

  private AvsbExtension(Consumer<TestData> setup) {
    this.setup = setup;
  }

  /**
   * An extension that runs {@code setup} on each test's fresh {@link TestData} before the test
   * gets it (and before {@link AvsbFlag} annotations apply). Returns a new extension.
   */
  public AvsbExtension withTestData(Consumer<TestData> setup) {
    Objects.requireNonNull(setup, "setup");
    return new AvsbExtension(this.setup.andThen(setup));
  }

  /** Supports parameters of type {@link TestData} and {@link MockAvsbServer}. */
  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext context) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == TestData.class || type == MockAvsbServer.class;
  }

  /** Gives the current test's instance, creating it on first use. */
  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException("TestData and MockAvsbServer belong to one test method:"
          + " take them as parameters of @Test, @BeforeEach or @AfterEach methods or of the constructor"
          + " of a per-method test class, not of "
          + parameterContext.getDeclaringExecutable());
    }
    Fixture fixture = fixture(context);
    return parameterContext.getParameter().getType() == TestData.class
        ? fixture.testData : fixture.mock();
  }

  /**
   * Asks JUnit to resolve constructor parameters with the test method's context, so that a test
   * class with the default per-method lifecycle may take the objects in its constructor.
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext root) {
    return ExtensionContextScope.TEST_METHOD;
  }

  /** Closes the test's mock server, if one was created. */
  @Override
  public void afterEach(ExtensionContext context) {
    Fixture fixture = context.getStore(NAMESPACE).remove(Fixture.class, Fixture.class);
    if (fixture != null) {
      fixture.close();
    }
  }

  private Fixture fixture(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Fixture fixture = store.get(Fixture.class, Fixture.class);
    if (fixture == null) {
      // A test's parameters are resolved on one thread, so get-then-put cannot race.
      fixture = new Fixture(testData(context));
      store.put(Fixture.class, fixture);
    }
    return fixture;
  }

  private TestData testData(ExtensionContext context) {
    TestData td = TestData.create();
    setup.accept(td);
    applyFlags(td, context.getRequiredTestClass());
    applyFlags(td, context.getRequiredTestMethod());
    return td;
  }

  private static void applyFlags(TestData td, AnnotatedElement element) {
    for (AvsbFlag flag : AnnotationSupport.findRepeatableAnnotations(element, AvsbFlag.class)) {
      if (flag.key().isEmpty()) {
        throw new ExtensionConfigurationException("@AvsbFlag on " + element + " has an empty key");
      }
      td.update(td.flag(flag.key()).valueForAll(parseValue(flag.value())));
    }
  }

  private static AvsbValue parseValue(String text) {
    try {
      return AvsbValue.parse(text);
    } catch (IllegalArgumentException e) {
      return AvsbValue.of(text);
    }
  }

  /** One test's objects; the mock server is made on first use. Used by one test's thread. */
  private static final class Fixture {
    private final TestData testData;
    private MockAvsbServer mock;

    Fixture(TestData testData) {
      this.testData = testData;
    }

    MockAvsbServer mock() {
      if (mock == null) {
        mock = MockAvsbServer.create(testData);
      }
      return mock;
    }

    void close() {
      if (mock != null) {
        mock.close();
      }
    }
  }
}
