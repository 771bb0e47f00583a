package io.trailkeeper.source.control;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which hosts Trailkeeper may send requests to for a pulled source. By default only public hosts:
 * a base URL whose host is, or resolves to, a loopback, private, link-local or other special-purpose
 * address is refused, since the request would carry the source's keys to, and probe, the server's
 * own machine and network (SSRF, OWASP ASVS 4.0.3 V12.6.1). An administrator allows such hosts by
 * name, address or CIDR block in {@value #ALLOWED_PRIVATE_HOSTS} (a Langfuse run on the same network).
 *
 * <p>The host is resolved when a source is saved and again before every page is fetched, and the
 * answer the check saw is the one the HTTP client connects to within the JVM's DNS cache time
 * (30 s by default), so a name that later resolves elsewhere is caught at the next page.
 */
public final class DestinationPolicy {

    public static final String ALLOWED_PRIVATE_HOSTS = "trailkeeper.sources.allowed-private-hosts";

    /** Resolves a host name to all its addresses, as {@link InetAddress#getAllByName} does. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The outcome of a check: allowed, refused with a reason for the officer, or not resolvable now. */
    public enum Verdict { ALLOWED, REFUSED, UNRESOLVED }

    public record Decision(Verdict verdict, String reason) {
        static final Decision ALLOWED = new Decision(Verdict.ALLOWED, null);
    }

    private final Set<String> allowedNames = new TreeSet<>();
    private final List<AddressBlock> allowedBlocks = new ArrayList<>();
    private final Resolver resolver;

    /**
     * @param allowed comma-separated host names, IP addresses and CIDR blocks that may be private
     * @throws IllegalArgumentException naming an entry that is none of these
     */
    public DestinationPolicy(String allowed, Resolver resolver) {
        this.resolver = resolver;
        if (allowed == null) {
            return;
        }
        for (String entry : allowed.split(",")) {
            String trimmed = entry.strip().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (AddressBlock.looksLikeAddress(trimmed.contains("/") ? trimmed.substring(0, trimmed.indexOf('/')) : trimmed)) {
                allowedBlocks.add(AddressBlock.parse(trimmed));
            } else if (trimmed.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
                allowedNames.add(trimmed);
            } else {
                throw new IllegalArgumentException(ALLOWED_PRIVATE_HOSTS + ": '" + entry.strip()
                        + "' is neither a host name, an IP address nor a CIDR block");
            }
        }
    }

    public static DestinationPolicy of(String allowed) {
        return new DestinationPolicy(allowed, InetAddress::getAllByName);
    }

    public Decision check(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return new Decision(Verdict.REFUSED, "the URL names no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowedNames.contains(host)) {
            return Decision.ALLOWED;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Decision(Verdict.UNRESOLVED, "the host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (!AddressBlock.isPublic(address) && allowedBlocks.stream().noneMatch(block -> block.contains(address))) {
                return new Decision(Verdict.REFUSED, "the host " + host + " is, or resolves to, a loopback, private or other"
                        + " non-public address; requests go only to public hosts unless an administrator lists the host in "
                        + ALLOWED_PRIVATE_HOSTS);
            }
        }
        return Decision.ALLOWED;
    }
}
