package io.trailkeeper.source.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trailkeeper.source.control.DestinationPolicy.Verdict;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationPolicyTest {

    /** A DNS of its own, so the tests ask no real one. */
    private static final Map<String, String[]> DNS = Map.of(
            "cloud.langfuse.com", new String[] {"34.117.1.2", "2600:1901:0:1::1"},
            "rebound.example", new String[] {"34.117.1.2", "127.0.0.1"},
            "langfuse.internal", new String[] {"10.20.30.40"},
            "metadata.example", new String[] {"169.254.169.254"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    private static DestinationPolicy policy(String allowed) {
        return new DestinationPolicy(allowed, host -> {
            String[] addresses = DNS.get(host);
            if (addresses == null) {
                if (AddressBlock.looksLikeAddress(host)) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            return resolved;
        });
    }

    private static Verdict verdict(DestinationPolicy policy, String url) {
        return policy.check(URI.create(url)).verdict();
    }

    @Test
    void byDefaultOnlyPublicHosts() {
        DestinationPolicy policy = policy(null);
        assertEquals(Verdict.ALLOWED, verdict(policy, "https://cloud.langfuse.com"));
        assertEquals(Verdict.ALLOWED, verdict(policy, "https://8.8.8.8"));
        for (String url : new String[] {"http://127.0.0.1:3000", "http://localhost:3000", "https://langfuse.internal",
                "https://metadata.example", "https://rebound.example", "https://[::1]", "https://[fe80::1]", "https://[fd12::1]",
                "https://100.64.0.1", "https://172.31.255.255", "https://192.168.0.1", "https://0.0.0.0", "https://224.0.0.1",
                "https://255.255.255.255", "https://[::ffff:10.0.0.1]"}) {
            assertEquals(Verdict.REFUSED, verdict(policy, url), url);
        }
        assertEquals(Verdict.ALLOWED, verdict(policy, "https://172.32.0.1"), "just outside 172.16.0.0/12");
    }

    @Test
    void anAdministratorAllowsHostsByNameAddressOrBlock() {
        DestinationPolicy policy = policy("langfuse.internal, 127.0.0.1 ,192.168.0.0/16,fd00::/8");
        assertEquals(Verdict.ALLOWED, verdict(policy, "https://langfuse.internal"));
        assertEquals(Verdict.ALLOWED, verdict(policy, "http://127.0.0.1:3000"));
        assertEquals(Verdict.REFUSED, verdict(policy, "http://127.0.0.2:3000"));
        assertEquals(Verdict.ALLOWED, verdict(policy, "https://192.168.77.1"));
        assertEquals(Verdict.ALLOWED, verdict(policy, "https://[fd12::1]"));
        assertEquals(Verdict.REFUSED, verdict(policy, "https://10.0.0.1"));
        assertEquals(Verdict.REFUSED, verdict(policy, "https://metadata.example"));
    }

    @Test
    void anUnresolvableHostIsNeitherAllowedNorRefused() {
        assertEquals(Verdict.UNRESOLVED, verdict(policy(null), "https://nowhere.invalid"));
    }

    @Test
    void aMistypedAllowanceStopsTheStart() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> policy("langfuse internal"));
        assertEquals("trailkeeper.sources.allowed-private-hosts: 'langfuse internal' is neither a host name, an IP address nor a CIDR block",
                wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> policy("10.0.0.0/33"));
    }
}
