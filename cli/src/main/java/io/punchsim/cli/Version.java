package io.punchsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version printed by {@code -V} and {@code --version} of every command: the project version and
 * the commit it was built from, both written into the classes by the build ({@code build.properties}).
 */
final class Version implements CommandLine.IVersionProvider {
    static final String UNKNOWN_COMMIT = "unknown commit";

    @Override
    public String[] getVersion() {
        Properties build = build();
        String version = build.getProperty("version", "development build");
        String commit = build.getProperty("commit", UNKNOWN_COMMIT);
        return new String[] {"punchsim " + version + " (" + (commit.equals(UNKNOWN_COMMIT) ? commit : "commit " + commit) + ")",
                "Java " + System.getProperty("java.version")};
    }

    /** What the build wrote; empty when the classes were compiled without it. */
    static Properties build() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // No build information: the version says so.
        }
        return properties;
    }
}
