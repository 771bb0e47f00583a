package io.trailkeeper.web.access;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a sign-in comes from, as the throttle counts it. Normally the connection's peer. Behind a
 * reverse proxy every request comes from the proxy, so the peer is replaced by the address the proxy
 * reports in {@code X-Forwarded-For}, but only when the peer is one of the configured trusted proxies
 * (anyone else could write any address there and so escape the per-address cap). IPv6 clients are
 * counted per /64, the block one subscriber usually gets: counting single IPv6 addresses would let one
 * client rotate through billions of them.
 */
final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** At least one colon, starting with a hex digit or a colon, at most 45 characters. */
    private static final Pattern IPV6 = Pattern.compile("(?=[^:]*:)[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    private final Set<String> trustedProxies;

    ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .map(proxy -> literal(proxy.strip()).orElseThrow(() -> new IllegalArgumentException(
                        "a trusted proxy must be an IP address, not '" + proxy.strip() + "'")))
                .map(InetAddress::getHostAddress)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** From the configuration value, a comma-separated list of IP addresses (empty: no proxy is trusted). */
    static ClientAddress trusting(Optional<String> proxies) {
        return new ClientAddress(proxies.map(list -> Arrays.stream(list.split(","))
                        .map(String::strip).filter(p -> !p.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElse(new LinkedHashSet<>()));
    }

    /**
     * The address to count: the right-most {@code X-Forwarded-For} entry that is not itself a trusted
     * proxy, when the peer is trusted (the entries left of it were written by the client and prove
     * nothing); otherwise the peer.
     */
    String of(String peer, String forwardedFor) {
        Optional<InetAddress> peerAddress = literal(peer);
        if (peerAddress.isEmpty()) {
            return peer == null ? "unknown" : peer;
        }
        InetAddress client = peerAddress.get();
        if (forwardedFor != null && isTrusted(client)) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                Optional<InetAddress> hop = literal(hops[i].strip());
                if (hop.isEmpty()) {
                    break;
                }
                client = hop.get();
                if (!isTrusted(client)) {
                    break;
                }
            }
        }
        return counted(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.contains(address.getHostAddress());
    }

    private static String counted(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // 16 bytes are always an IPv6 address
            }
        }
        return address.getHostAddress();
    }

    /** Parses an IP literal without ever asking DNS: a host name, or anything malformed, is no address. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = bare.indexOf('%');
        if (zone >= 0) {
            bare = bare.substring(0, zone);
        }
        try {
            if (IPV4.matcher(bare).matches()) {
                byte[] octets = new byte[4];
                String[] parts = bare.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    octets[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(octets));
            }
            // With a colon and a hex digit or colon first, the JDK parses it as an IPv6 literal and
            // refuses it if malformed; it does not fall back to a DNS lookup.
            if (IPV6.matcher(bare).matches()) {
                return Optional.of(InetAddress.getByName(bare));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
