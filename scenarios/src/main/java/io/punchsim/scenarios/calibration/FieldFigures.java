package io.punchsim.scenarios.calibration;

import io.punchsim.reports.stats.Proportion;
import java.util.List;
import java.util.Optional;

/**
 * The field figures the simulator is compared with, each once: the figure and its source (the
 * field data's section), the band of direct rates that agrees with it and why, and the scenario
 * that stands for what was measured. Nothing here is tuned to a result: the populations are the
 * shipped files, the processes the default one or the closest variant to the one measured.
 */
public final class FieldFigures {

    /** Links do not vary with the NAT drawn: one preset per row, by where its players are. */
    private static final String HOME_LINK = "home-wifi";
    private static final String CELLULAR_LINK = "4g";

    private static final String DEFAULT_PROCESS = "the default process (SPEC 2.3), Fusion's documented one";
    private static final String CLASSIC_EXCHANGE = "the default process with peer-reflexive on: both sides send to the"
            + " other's address and answer where packets come from, the classic exchange of the hole-punching literature"
            + " (SPEC section 3)";

    // Ford et al. found 310 of 380 NATs punchable; the band is that count's own 95% interval.
    private static final Proportion FORD = Proportion.wilson(310, 380);

    private static final List<FieldFigure> ALL = List.of(
            new FieldFigure("photon-home-broadband",
                    "Photon: a player connects through the relay when punching fails, which \"only happens to"
                            + " approximately 1 in 10 players\"",
                    "FIELD-DATA §1, Photon Fusion manual, \"Network Topologies\"",
                    Optional.of(new Band(0.85, 0.95, "\"approximately 1 in 10\" read as 5% to 15% relayed (1 in 20 to about 1 in 7)")),
                    "both peers from home-broadband, on home-wifi links",
                    DEFAULT_PROCESS,
                    "",
                    scenario("photon-home-broadband", "Photon's 1 in 10 relayed, against home-broadband",
                            "{population: home-broadband}", "{population: home-broadband}", HOME_LINK, "{}"),
                    "A host whose NAT maps per destination, 23% of home-broadband (Ford et al.'s 18% of home NATs and"
                            + " the carrier-grade NATs assumed to map so), is relayed with every client by the default"
                            + " process (SPEC section 3), while Fusion has attempted symmetric NATs since 1.1 build 434"
                            + " (FIELD-DATA §1) and Photon does not say which networks its players are on."),
            new FieldFigure("photon-peer-reflexive",
                    "Photon: relayed \"only ... approximately 1 in 10 players\", against the closest variant",
                    "FIELD-DATA §1, Photon Fusion manual, \"Network Topologies\"",
                    Optional.of(new Band(0.85, 0.95, "as for photon-home-broadband")),
                    "both peers from home-broadband, on home-wifi links",
                    CLASSIC_EXCHANGE + "; Fusion has attempted symmetric NATs since 1.1 build 434 (FIELD-DATA §1) without"
                            + " saying how, and answering where packets come from is the closest the simulator has",
                    "",
                    scenario("photon-peer-reflexive", "Photon's 1 in 10 relayed, against home-broadband, peer-reflexive on",
                            "{population: home-broadband}", "{population: home-broadband}", HOME_LINK,
                            "{variants: {peer-reflexive: true}}"),
                    "Even with both sides answering where packets come from, a NAT that maps per destination stays"
                            + " relayed with another such NAT or with an address-and-port-dependent filter (SPEC section 3),"
                            + " and 23% of home-broadband's NATs map so."),
            new FieldFigure("photon-mixed-players",
                    "Photon: relayed \"only ... approximately 1 in 10 players\", players on any network",
                    "FIELD-DATA §1, Photon Fusion manual, \"Network Topologies\"",
                    Optional.of(new Band(0.85, 0.95, "as for home-broadband")),
                    "both peers from mixed-players, on home-wifi links",
                    DEFAULT_PROCESS,
                    "",
                    scenario("photon-mixed-players", "Photon's 1 in 10 relayed, against mixed-players",
                            "{population: mixed-players}", "{population: mixed-players}", HOME_LINK, "{}"),
                    "As for home-broadband, and mixed-players adds a quarter of players on cellular data, half of"
                            + " whose carrier-grade NATs are assumed to map per destination."),
            new FieldFigure("practitioner-1v1",
                    "A practitioner (not Photon): about 80% of 1v1 matches connect directly",
                    "FIELD-DATA §1, r/gamedev, 2023",
                    Optional.of(new Band(0.75, 0.85, "\"about 80%\" read as 80% give or take 5 points")),
                    "both peers from mixed-players, on home-wifi links",
                    DEFAULT_PROCESS,
                    "",
                    scenario("practitioner-1v1", "A practitioner's 80% of 1v1 matches direct, against mixed-players",
                            "{population: mixed-players}", "{population: mixed-players}", HOME_LINK, "{}"),
                    "The practitioner describes neither the players' networks nor the connection process, and the"
                            + " default process relays every host whose NAT maps per destination."),
            new FieldFigure("ford-2005",
                    "82% of NATs (310 of 380) support UDP hole punching",
                    "FIELD-DATA §2, Ford, Srisuresh, Kegel, USENIX ATC 2005",
                    Optional.of(new Band(FORD.lower(), FORD.upper(), "the Wilson 95% interval of 310 out of 380")),
                    "the host's NAT from home-broadband's home NATs alone (public-address and behind-cgnat weighed 0),"
                            + " the client behind a port-restricted cone, on home-wifi links",
                    CLASSIC_EXCHANGE + "; a punchable host NAT connects directly with a punchable client NAT",
                    "By construction: home-broadband's split of home NATs is this figure (home-punchable weighs 82%),"
                            + " so the row checks that the NAT models punch as the entries say, not the population.",
                    scenario("ford-2005", "Ford et al.'s 82% of NATs punchable, against home-broadband's home NATs",
                            "{population: home-broadband, weights: {public-address: 0, behind-cgnat: 0}}",
                            "port-restricted-cone", HOME_LINK, "{variants: {peer-reflexive: true}}"),
                    "The NAT models do not punch as the entries of home-broadband say they do."),
            new FieldFigure("halkes-pouwelse-2011",
                    "64% of peers punchable",
                    "FIELD-DATA §2, Halkes & Pouwelse, IFIP Networking 2011",
                    Optional.of(new Band(0.59, 0.69, "no interval was published: 64% give or take 5 points")),
                    "the host's NAT from home-broadband, the client behind a port-restricted cone, on home-wifi links",
                    CLASSIC_EXCHANGE,
                    "",
                    scenario("halkes-pouwelse-2011", "Halkes and Pouwelse's 64% of peers punchable, against home-broadband",
                            "{population: home-broadband}", "port-restricted-cone", HOME_LINK,
                            "{variants: {peer-reflexive: true}}"),
                    "home-broadband's home NATs follow Ford et al.'s 82% of 2005, and the peers of one P2P client that"
                            + " Halkes and Pouwelse measured six years later were less punchable: the two field figures"
                            + " disagree by more than either band."),
            new FieldFigure("libp2p-dcutr",
                    "libp2p DCUtR: 70% ± 7.1% of hole punches succeed (4.4 M attempts, 167 countries), given a relay"
                            + " and address discovery that worked",
                    "FIELD-DATA §2, arXiv 2510.27500 (ProbeLab)",
                    Optional.of(new Band(0.629, 0.771, "the source's own ± 7.1 points")),
                    "both peers from mixed-players, on home-wifi links",
                    CLASSIC_EXCHANGE + "; DCUtR connects through a relay first and then both sides dial each other,"
                            + " a relay-first design the simulator does not have, so the direct rate of the classic"
                            + " exchange stands for its punch success",
                    "",
                    scenario("libp2p-dcutr", "libp2p DCUtR's 70% punch success, against mixed-players",
                            "{population: mixed-players}", "{population: mixed-players}", HOME_LINK,
                            "{variants: {peer-reflexive: true}}"),
                    "The campaign's peers are libp2p nodes, not game players, and DCUtR synchronises both sides'"
                            + " dials by the measured round trip, which the classic exchange here does not."),
            new FieldFigure("tailscale",
                    "Tailscale: well over 90% of connections direct in normal conditions",
                    "FIELD-DATA §2, Tailscale blog, \"NAT traversal improvements\" (2025)",
                    Optional.of(new Band(0.90, 1.0, "\"well over 90%\": at least 90%")),
                    "both peers from mixed-players, on home-wifi links",
                    CLASSIC_EXCHANGE + ", with port prediction and local candidates on too: every trick the simulator"
                            + " has",
                    "",
                    scenario("tailscale", "Tailscale's over 90% direct, against mixed-players",
                            "{population: mixed-players}", "{population: mixed-players}", HOME_LINK,
                            "{variants: {peer-reflexive: true, port-prediction: true, local-candidates: true}}"),
                    "Tailscale also punches with many sockets against NATs that map per destination (birthday"
                            + " punching) and asks home routers for port mappings (UPnP, NAT-PMP, PCP), neither of which"
                            + " the simulator has, so a pair of such NATs stays relayed here."),
            new FieldFigure("webrtc",
                    "WebRTC: 22% of calls needed TURN (2015-16), and a vendor claims about 85% direct",
                    "FIELD-DATA §2, callstats.io via No Jitter, \"Know Where to TURN\"",
                    Optional.of(new Band(0.78, 0.85, "from the measured 78% direct to the vendor's 85%")),
                    "both peers from mixed-players, on home-wifi links",
                    CLASSIC_EXCHANGE + ", with local candidates on: ICE's host, server-reflexive and peer-reflexive"
                            + " candidates",
                    "",
                    scenario("webrtc", "WebRTC's 78% of calls without TURN, against mixed-players",
                            "{population: mixed-players}", "{population: mixed-players}", HOME_LINK,
                            "{variants: {peer-reflexive: true, local-candidates: true}}"),
                    "ICE also tries IPv6 and TCP candidates, which this IPv4 and UDP model lacks, and the calls'"
                            + " networks are not described, while mixed-players assumes a quarter of players behind"
                            + " carrier-grade NATs half of which map per destination."),
            new FieldFigure("mobile-cgnat",
                    "No published figure for players on cellular data alone",
                    "none",
                    Optional.empty(),
                    "both peers from mobile-cgnat, on 4g links",
                    DEFAULT_PROCESS,
                    "",
                    scenario("mobile-cgnat", "The default process over mobile-cgnat",
                            "{population: mobile-cgnat}", "{population: mobile-cgnat}", CELLULAR_LINK, "{}"),
                    ""),
            new FieldFigure("strict-networks",
                    "No published figure; the libp2p campaign saw much lower success behind VPNs, without a number",
                    "FIELD-DATA §2, discuss.libp2p.io, \"Decentralized NAT hole-punching measurement campaign\"",
                    Optional.empty(),
                    "both peers from strict-networks, on home-wifi links",
                    DEFAULT_PROCESS,
                    "",
                    scenario("strict-networks", "The default process over strict-networks",
                            "{population: strict-networks}", "{population: strict-networks}", HOME_LINK, "{}"),
                    ""));

    private FieldFigures() {
    }

    /** Every figure, in the order the report shows them. */
    public static List<FieldFigure> all() {
        return ALL;
    }

    private static String scenario(String id, String description, String hostNat, String clientNat, String link,
            String protocol) {
        return """
                # %s: written by punchsim calibrate. Run it alone with
                #   ./punchsim run FILE --seeds N
                name: %s
                description: %s
                seeds: 20000
                host: {nat: %s, link: {preset: %s}}
                client: {nat: %s, link: {preset: %s}}
                protocol: %s
                """.formatted(id, id, description, hostNat, link, clientNat, link, protocol);
    }
}
