package io.punchsim.cli.net;

import io.punchsim.protocol.net.Endpoint;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code HOST:PORT} (an IPv4 address) to bind, for the real-network commands: port 0 is any. */
class EndpointConverter implements ITypeConverter<Endpoint> {

    @Override
    public Endpoint convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    Endpoint parse(String value) {
        return Endpoint.parse(value);
    }

    /** An address to send to, such as a server's: port 0 is refused. */
    static final class Destination extends EndpointConverter {
        @Override
        Endpoint parse(String value) {
            return Endpoint.parseDestination(value);
        }
    }
}
