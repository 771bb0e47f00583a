package io.trailkeeper.source.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}, or one address). */
record AddressBlock(byte[] network, int prefixLength) {

    /**
     * Addresses that are not on the public internet: a request there reaches the server's own
     * machine or network, which an officer must not be able to aim at (SSRF, OWASP ASVS 4.0.3 V12.6.1).
     * IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates).
     */
    static final List<AddressBlock> NOT_PUBLIC = List.of(
            parse("0.0.0.0/8"), parse("10.0.0.0/8"), parse("100.64.0.0/10"), parse("127.0.0.0/8"),
            parse("169.254.0.0/16"), parse("172.16.0.0/12"), parse("192.0.0.0/24"), parse("192.0.2.0/24"),
            parse("192.168.0.0/16"), parse("198.18.0.0/15"), parse("198.51.100.0/24"), parse("203.0.113.0/24"),
            parse("224.0.0.0/4"), parse("240.0.0.0/4"),
            // IPv4-mapped IPv6 addresses arrive as IPv4 addresses (InetAddress converts them).
            parse("::/128"), parse("::1/128"), parse("64:ff9b::/96"), parse("100::/64"),
            parse("2001:db8::/32"), parse("fc00::/7"), parse("fe80::/10"), parse("fec0::/10"), parse("ff00::/8"));

    /** @throws IllegalArgumentException when the text is neither an IP address nor a CIDR block */
    static AddressBlock parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!looksLikeAddress(address)) {
            throw new IllegalArgumentException("not an IP address or CIDR block");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address.replace("[", "").replace("]", "")).getAddress(); // a literal: no look-up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address or CIDR block");
        }
        int length = bytes.length * 8;
        if (slash >= 0) {
            try {
                length = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR prefix length");
            }
            if (length < 0 || length > bytes.length * 8) {
                throw new IllegalArgumentException("not a CIDR prefix length");
            }
        }
        return new AddressBlock(bytes, length);
    }

    /** True for IP literals only, so that parsing never asks DNS. */
    static boolean looksLikeAddress(String text) {
        return text.matches("[0-9.]+") && text.chars().filter(c -> c == '.').count() == 3
                || text.matches("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        if (!Arrays.equals(candidate, 0, full, network, 0, full)) {
            return false;
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    static boolean isPublic(InetAddress address) {
        return NOT_PUBLIC.stream().noneMatch(block -> block.contains(address));
    }
}
