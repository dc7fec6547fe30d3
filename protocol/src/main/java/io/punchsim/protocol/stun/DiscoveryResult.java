package io.punchsim.protocol.stun;

import io.punchsim.protocol.net.Endpoint;

/** What RFC 5780 behaviour discovery learnt about the path to the STUN server. */
public sealed interface DiscoveryResult {

    /** No answer to the first Binding request: UDP is blocked (or the server is down). */
    record UdpBlocked() implements DiscoveryResult {}

    /** The server answered without OTHER-ADDRESS, so it cannot run the RFC 5780 tests. */
    record ServerLacksRfc5780(Endpoint reflexive) implements DiscoveryResult {}

    /** The reflexive address is the local one: no NAT. Filtering other than endpoint-independent means a firewall. */
    record NoNat(Endpoint address, FilteringBehaviour filtering) implements DiscoveryResult {
        public boolean isOpenInternet() {
            return filtering == FilteringBehaviour.ENDPOINT_INDEPENDENT;
        }
    }

    /** Behind a NAT with the given behaviours; {@code reflexive} is the mapping toward the primary address. */
    record BehindNat(Endpoint reflexive, MappingBehaviour mapping, FilteringBehaviour filtering) implements DiscoveryResult {}

    /** The server answered in a way the tests cannot interpret (an error response, a wrong source). */
    record Inconclusive(String reason) implements DiscoveryResult {}
}
