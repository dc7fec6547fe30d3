package io.punchsim.realnet.netns;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs system commands (ip, iptables, conntrack) and fails loudly with their output. */
final class Shell {

    private Shell() {}

    record Result(int exitCode, String output) {}

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), output);
    }

    /** Runs {@code command} and returns its output; a non-zero exit code is an error. */
    static String check(String... command) throws IOException, InterruptedException {
        Result result = run(List.of(command));
        if (result.exitCode() != 0) {
            throw new IOException("failed (" + result.exitCode() + "): " + String.join(" ", command) + "\n" + result.output());
        }
        return result.output();
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
