package io.punchsim.realnet;

import io.punchsim.protocol.net.Endpoint;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code --name value} and {@code --switch} arguments of one command of {@link RealnetMain}.
 * Unknown names, missing values and repeated options are {@link BadInput}.
 */
final class Arguments {

    /** Input the user must fix; the command exits with code 2. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> switches = new HashSet<>();

    static Arguments parse(String[] args, int from, Set<String> valued, Set<String> switchNames) {
        Arguments parsed = new Arguments();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (switchNames.contains(name) && inline == null) {
                parsed.switches.add(name);
            } else if (valued.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new BadInput(name + " needs a value");
                    }
                    value = args[++i];
                }
                if (parsed.values.put(name, value) != null) {
                    throw new BadInput(name + " given twice");
                }
            } else {
                throw new BadInput("unknown option '" + arg + "'");
            }
        }
        return parsed;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean has(String name) {
        return switches.contains(name);
    }

    Map<String, String> values() {
        return Map.copyOf(values);
    }

    Set<String> switches() {
        return Set.copyOf(switches);
    }

    /** An address to bind, where port 0 means any. */
    Endpoint endpoint(String name) {
        return optionalEndpoint(name).orElseThrow(() -> new BadInput(name + " HOST:PORT is required"));
    }

    Optional<Endpoint> optionalEndpoint(String name) {
        return value(name).map(text -> read(name, text, Endpoint::parse));
    }

    /** An address to send to, such as a server's: port 0 is refused. */
    Endpoint destination(String name) {
        return value(name).map(text -> read(name, text, Endpoint::parseDestination))
                .orElseThrow(() -> new BadInput(name + " HOST:PORT is required"));
    }

    private static Endpoint read(String name, String text, Function<String, Endpoint> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new BadInput(name + ": " + e.getMessage());
        }
    }
}
