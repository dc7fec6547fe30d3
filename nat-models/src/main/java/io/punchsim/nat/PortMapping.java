package io.punchsim.nat;

/**
 * The port-mapping service a NAT offers its inside hosts, if any: a host asks for an
 * endpoint-independent mapping of one of its ports and is told the external endpoint (UPnP IGD's
 * {@code AddPortMapping}, NAT-PMP's map request of RFC 6886, PCP's MAP of RFC 6887).
 *
 * <p>The model answers one exchange, NAT-PMP's external-address and UDP-map requests, whichever
 * service is named: the services differ in how a host finds and talks to them (UPnP's SSDP search
 * and SOAP over HTTP), not in the mapping they grant.
 */
public enum PortMapping {
    /** No service: requests are dropped unanswered. */
    NONE,
    UPNP,
    NAT_PMP,
    PCP;

    /** Whether a host behind the NAT can obtain a mapping. */
    public boolean offered() {
        return this != NONE;
    }
}
