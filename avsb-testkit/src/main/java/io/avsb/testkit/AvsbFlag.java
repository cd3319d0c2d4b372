package io.avsb.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets a flag to one value for everyone in the {@link TestData} that {@link AvsbExtension} gives a
 * test: {@code @AvsbFlag(key = "checkout-v2", value = "true")}. On a class it applies to each of its
 * tests; on a method it applies after the class's, so it wins for the same key. Repeatable.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(AvsbFlag.List.class)
public @interface AvsbFlag {
  /** The flag key. */
  String key();

  /**
   * The value served to everyone, as JSON text ({@code true}, {@code 3}, {@code "dark"}, {@code
   * {"a": 1}}); text that is not valid JSON is taken as a string, so {@code dark} works too.
   */
  String value() default "true";

  /** Holds repeated {@link AvsbFlag} annotations. */
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @interface List {
    /** The annotations. */
    AvsbFlag[] value();
  }
}
