package io.avsb.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The architecture every module of the build keeps, checked on the module's compiled main classes
 * ({@code target/classes}) by a one-line {@code ArchitectureTest} that extends this contract. A
 * broken rule fails {@code mvn verify} with the offending dependency named. The rules, and why a
 * build check rather than {@code module-info.java}, are in {@code docs/architecture.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureContract {
  static {
    // ArchUnit's start-up line ("Detected Java version") is noise in a quiet build
    System.setProperty("org.slf4j.simpleLogger.log.com.tngtech.archunit", "warn");
  }

  /** The packages of the kit's own modules: the only code that may use {@code io.avsb.internal}. */
  static final String[] KIT_PACKAGES = {
    "io.avsb", "io.avsb.spi..", "io.avsb.internal..",
    "io.avsb.servlet..", "io.avsb.jaxrs..", "io.avsb.testkit..", "io.avsb.bench..",
    "io.avsb.redis..", "io.avsb.cdi..", "io.avsb.openfeature..", "io.avsb.micrometer..",
    "io.avsb.opentelemetry..", "io.avsb.differential.."
  };

  /**
   * Core's stages in reading order, shared utilities first: a stage may use the stages before it,
   * never one after it (config is the public {@code AvsbConfig}; web serves the adapters).
   */
  static final List<String> STAGES =
      List.of("log", "json", "telemetry", "http", "datasource", "persist", "store", "eval", "events", "client", "web");

  /**
   * Adapters built on another adapter, which may use its internals: the CDI producers resolve
   * requests exactly as the servlet filter does, with its settings and its per-webapp log.
   */
  static final Map<String, Set<String>> BUILT_ON = Map.of("io.avsb.servlet", Set.of("io.avsb.cdi"));

  private static final Pattern MODULE_INTERNAL = Pattern.compile("io\\.avsb\\.(\\w+)\\.internal(\\..*)?");

  private final JavaClasses classes = importMainClasses();

  private static JavaClasses importMainClasses() {
    Path main = Path.of("target", "classes").toAbsolutePath();
    assertThat(main)
        .as("compiled main classes; run the check through Maven: mvn -B verify -pl <module> -am")
        .isDirectory();
    try (Stream<Path> files = Files.walk(main)) {
      assertThat(files.anyMatch(p -> p.toString().endsWith(".class")))
          .as("class files under %s", main)
          .isTrue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ClassFileImporter().importPath(main);
  }

  @Test
  public void onlyTheKitsOwnModulesUseCoreInternals() {
    noClasses().that().resideOutsideOfPackages(KIT_PACKAGES)
        .should().dependOnClassesThat().resideInAPackage("io.avsb.internal..")
        .because("io.avsb.internal is the kit's implementation, open to its own modules only")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  public void aModulesInternalsAreUsedByThatModuleOnly() {
    classes().should(useOnlyTheirOwnModulesInternals()).allowEmptyShould(true).check(classes);
  }

  @Test
  public void publicSignaturesShowNoInternalType() {
    classes().that().resideOutsideOfPackage("..internal..").and().arePublic()
        .should(exposeNoInternalType())
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  public void coreStagesAreFreeOfCycles() {
    slices().matching("io.avsb.internal.(*)..").should().beFreeOfCycles()
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  public void coreStagesUseOnlyEarlierStages() {
    for (int i = 0; i < STAGES.size() - 1; i++) {
      String[] later = STAGES.subList(i + 1, STAGES.size()).stream()
          .map(s -> "io.avsb.internal." + s + "..")
          .toArray(String[]::new);
      noClasses().that().resideInAPackage("io.avsb.internal." + STAGES.get(i) + "..")
          .should().dependOnClassesThat().resideInAnyPackage(later)
          .because("core's stages read top to bottom " + String.join(" -> ", STAGES))
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  private static ArchCondition<JavaClass> useOnlyTheirOwnModulesInternals() {
    return new ArchCondition<>("use io.avsb.<module>.internal only from io.avsb.<module>") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          Matcher m = MODULE_INTERNAL.matcher(d.getTargetClass().getPackageName());
          String owner = m.matches() ? "io.avsb." + m.group(1) : null;
          String from = item.getPackageName();
          if (owner != null && !from.equals(owner) && !from.startsWith(owner + ".")
              && !BUILT_ON.getOrDefault(owner, Set.of()).stream()
                  .anyMatch(user -> from.equals(user) || from.startsWith(user + "."))) {
            events.add(SimpleConditionEvent.violated(item, d.getDescription()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("show no internal type in a public or protected signature") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        if (!exposed(item)) {
          return;
        }
        List<JavaType> shown = new ArrayList<>();
        item.getSuperclass().ifPresent(shown::add);
        shown.addAll(item.getInterfaces());
        check(item, shown, "extends or implements", events);
        for (JavaMember member : members(item)) {
          if (!visible(member.getModifiers())) {
            continue;
          }
          List<JavaType> types = new ArrayList<>();
          if (member instanceof JavaCodeUnit code) {
            types.add(code.getReturnType());
            types.addAll(code.getParameterTypes());
          } else if (member instanceof JavaField field) {
            types.add(field.getType());
          }
          check(item, types, member.getFullName(), events);
        }
      }

      private void check(JavaClass item, List<JavaType> types, String where, ConditionEvents events) {
        for (JavaType t : types) {
          for (JavaClass raw : t.getAllInvolvedRawTypes()) {
            if (raw.getPackageName().contains(".internal")) {
              events.add(SimpleConditionEvent.violated(
                  item, where + " shows internal type " + raw.getName()));
            }
          }
        }
      }
    };
  }

  private static List<JavaMember> members(JavaClass c) {
    List<JavaMember> all = new ArrayList<>(c.getFields());
    all.addAll(c.getMethods());
    all.addAll(c.getConstructors());
    return all;
  }

  private static boolean exposed(JavaClass c) {
    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
      if (!visible(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }
}
