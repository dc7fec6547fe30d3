package io.punchsim.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.7: no state machine touches sockets, threads, the system clock or global randomness. Every
 * reference a class makes is named in its constant pool, so a forbidden one shows up as a string
 * in the compiled class file.
 */
class NoIoArchitectureTest {

    private static final List<String> FORBIDDEN = List.of(
            "java/net/", "java/nio/channels/", "java/lang/Thread", "java/util/concurrent/",
            "currentTimeMillis", "nanoTime", "java/time/", "java/util/Random", "java/security/SecureRandom",
            "java/io/File");

    @Test
    void mainClassesReferenceNoIoClockThreadOrGlobalRandomness() throws IOException {
        Path classes = Path.of("target", "classes", "io", "punchsim", "protocol");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String pool = read(f);
                for (String bad : FORBIDDEN) {
                    if (pool.contains(bad)) {
                        violations.add(classes.relativize(f) + " references " + bad);
                    }
                }
            });
        }
        assertThat(violations).isEmpty();
        try (Stream<Path> files = Files.walk(classes)) {
            assertThat(files.filter(f -> f.toString().endsWith(".class")).count()).isGreaterThan(20);
        }
    }

    private static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
