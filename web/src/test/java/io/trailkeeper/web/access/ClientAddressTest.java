package io.trailkeeper.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which address a sign-in is counted under: the peer, or the client a trusted proxy reports. */
class ClientAddressTest {

    final ClientAddress direct = ClientAddress.trusting(Optional.empty());
    final ClientAddress behindProxy = ClientAddress.trusting(Optional.of("10.0.0.5, 10.0.0.6"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("198.51.100.7", direct.of("198.51.100.7", "203.0.113.1"));
    }

    @Test
    void aHeaderFromAPeerThatIsNoTrustedProxyIsIgnored() {
        assertEquals("198.51.100.7", behindProxy.of("198.51.100.7", "203.0.113.1"));
    }

    @Test
    void behindATrustedProxyTheClientItReportsCounts() {
        assertEquals("203.0.113.1", behindProxy.of("10.0.0.5", "203.0.113.1"));
    }

    @Test
    void whatTheClientWroteInTheHeaderItselfProvesNothing() {
        // The client sent "X-Forwarded-For: 192.0.2.99"; the proxy appended the address it saw.
        assertEquals("203.0.113.1", behindProxy.of("10.0.0.5", "192.0.2.99, 203.0.113.1"));
    }

    @Test
    void chainedTrustedProxiesAreSkipped() {
        assertEquals("203.0.113.1", behindProxy.of("10.0.0.5", "192.0.2.99, 203.0.113.1, 10.0.0.6"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "cafe.bad", "evil.example.com", "1.2.3.4:8080", "999.1.1.1", "", " , "})
    void anEntryThatIsNoIpAddressEndsTheSearchAtTheLastTrustedHop(String garbage) {
        assertEquals("10.0.0.5", behindProxy.of("10.0.0.5", garbage));
        assertEquals("10.0.0.6", behindProxy.of("10.0.0.5", "203.0.113.1, " + garbage + ", 10.0.0.6"),
                "never past an entry that is no address");
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", direct.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null));
        assertEquals(direct.of("2001:db8:1:2::1", null), direct.of("2001:db8:1:2:ffff::9", null));
        assertEquals("2001:db8:1:3:0:0:0:0/64", direct.of("2001:db8:1:3::1", null));
    }

    @Test
    void anIpv4AddressWrittenAsIpv6CountsAsTheIpv4Address() {
        assertEquals("198.51.100.7", direct.of("::ffff:198.51.100.7", null));
    }

    @Test
    void bracketsAndZonesAreAccepted() {
        assertEquals("2001:db8:0:0:0:0:0:0/64", behindProxy.of("10.0.0.5", "[2001:db8::1]"));
        assertEquals("fe80:0:0:0:0:0:0:0/64", direct.of("fe80::1%eth0", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "proxy.internal", "cafe.bad", "10.0.0.256"})
    void aTrustedProxyMustBeAnIpAddressNotAName(String proxy) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ClientAddress.trusting(Optional.of(proxy)));
        assertTrue(refused.getMessage().contains(proxy), refused.getMessage());
    }

    @Test
    void hostNamesAreNeverLookedUp() {
        assertEquals(Optional.empty(), ClientAddress.literal("localhost"));
        assertEquals(Optional.empty(), ClientAddress.literal("deadbeef.cafe"));
        assertEquals(Optional.empty(), ClientAddress.literal(".1:2"));
    }
}
