package io.punchsim.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of SPEC section 8, checked on the compiled classes of every module (this
 * module's test classpath holds them all).
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.punchsim");
    }

    /** The connection process sees the world only through its Context: JDK only, no I/O. */
    static ArchRule protocolIsPure(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.net..", "java.nio.channels..", "java.nio.file..", "java.util.concurrent..")
                .orShould().dependOnClassesThat().belongToAnyOf(
                        java.io.File.class, java.io.FileInputStream.class, java.io.FileOutputStream.class,
                        java.io.RandomAccessFile.class, java.io.PrintStream.class)
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(Random.class)
                .orShould().dependOnClassesThat().areAssignableTo(ThreadLocalRandom.class)
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(StrictMath.class, "random")
                .orShould().callMethod(Instant.class, "now")
                .because("the protocol state machines must run unchanged on virtual time and on real sockets")
                .allowEmptyShould(false);
    }

    @Test
    void protocolUsesNoSocketsThreadsClockOrGlobalRandomness() {
        protocolIsPure("io.punchsim.protocol..").check(production);
    }

    @Test
    void protocolDependsOnTheJdkAndItselfOnly() {
        classes().that().resideInAPackage("io.punchsim.protocol..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.punchsim.protocol..", "java.lang..", "java.util..", "java.io", "java.nio", "java.nio.charset..",
                        "javax.crypto..", "java.security..", "java.math..", "java.time..")
                .check(production);
    }

    @Test
    void theRulesRecogniseAnImpureClass() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.punchsim.archfixture");
        EvaluationResult result = protocolIsPure("io.punchsim.archfixture..").evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("nanoTime", "currentTimeMillis", "Math.random", "java.util.Random", "Thread",
                        "java.net.DatagramSocket");
    }

    @Test
    void simCoreKnowsNothingOfOurOtherModules() {
        onlyOwnAndLibraries("io.punchsim.sim..").check(production);
    }

    @Test
    void natModelsBuildOnSimCoreOnly() {
        onlyOwnAndLibraries("io.punchsim.nat..", "io.punchsim.sim..").check(production);
    }

    @Test
    void reportsKnowOnlyRunOutcomes() {
        onlyOwnAndLibraries("io.punchsim.reports..").check(production);
    }

    @Test
    void realnetDrivesTheProtocolOnly() {
        onlyOwnAndLibraries("io.punchsim.realnet..", "io.punchsim.protocol..").check(production);
    }

    @Test
    void nothingBelowTheCommandLineDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("io.punchsim.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.punchsim.cli..")
                .check(production);
    }

    /** Classes in {@code own} may use their own packages, the JDK and third-party libraries, no other module. */
    private static ArchRule onlyOwnAndLibraries(String own, String... alsoAllowed) {
        String[] allowed = new String[alsoAllowed.length + 1];
        allowed[0] = own;
        System.arraycopy(alsoAllowed, 0, allowed, 1, alsoAllowed.length);
        return noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe(
                                "belong to another punchsim module",
                                c -> c.getPackageName().startsWith("io.punchsim.")
                                        && !matchesAny(c.getPackageName(), allowed)))
                .allowEmptyShould(false);
    }

    private static boolean matchesAny(String packageName, String[] patterns) {
        for (String pattern : patterns) {
            String prefix = pattern.replace("..", "");
            if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }
}
