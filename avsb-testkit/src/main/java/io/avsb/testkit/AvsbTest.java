package io.avsb.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class or method as using {@link AvsbExtension}: its test methods may take a
 * fresh {@link TestData} and {@link MockAvsbServer} as parameters. Same as {@code
 * @ExtendWith(AvsbExtension.class)}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AvsbExtension.class)
public @interface AvsbTest {}
