package io.punchsim.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's implementation version, if it has one. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"punchsim " + (version == null ? "development build" : version),
                "Java " + System.getProperty("java.version")};
    }
}
