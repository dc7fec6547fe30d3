package io.punchsim.cli.net;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.realnet.RealnetMain;
import io.punchsim.realnet.cloud.CloudService;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve-cloud", mixinStandardHelpOptions = true, modelTransformer = CloudOptionsTransformer.class,
        description = {"Runs the cloud (session directory, signalling and relay) on a real UDP socket until Ctrl-C.",
                "Prints {\"ms\":...,\"role\":\"cloud\",\"listening\":\"HOST:PORT\"}, then the steps it takes as JSON lines",
                "(at most --step-lines-per-second) and every --status-interval a line with the sizes of its tables.",
                "Every table is capped and every entry expires (--cloud-member-lifetime), so it can face the internet.",
                "The protocol options should match those of the host and the client."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  stopped by Ctrl-C", "  2  bad input, or the address is in use or not this machine's", "  3  any other socket error", "",
                "Example:", "  ./punchsim serve-cloud --listen 0.0.0.0:5000"})
public final class ServeCloudCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", converter = EndpointConverter.class,
            description = "Address to bind (port 0 picks one).")
    Endpoint listen;

    @Override
    public Integer call() {
        CloudService service = new CloudService(listen, ProtocolOptions.config(spec),
                CloudOptionsTransformer.settings(spec));
        try {
            return RealnetMain.serveCloud(service, System.out);
        } catch (IOException e) {
            System.err.println("punchsim: " + e.getMessage());
            return RealnetMain.exitCode(e);
        }
    }
}
