package io.trailkeeper.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes a realistic agent-action trail for the ingestion benchmark: several agents, many data
 * subjects in short sessions, about 1 KB of content per line (prompt, model output, tool arguments)
 * with the secrets, e-mail addresses, card numbers and phone numbers masking must catch in a share
 * of them. Deterministic for a seed, so two runs ingest the same bytes.
 *
 * <p>Usage: {@code java io.trailkeeper.bench.SyntheticTrail <events> <file> [seed]}
 */
public final class SyntheticTrail {

    private static final String[] AGENTS = {"support-assistant", "claims-triage", "travel-desk", "billing-copilot",
            "hr-onboarding", "code-reviewer"};
    private static final String[] ACTIONS = {"crm.lookup", "order.lookup", "email.send", "refund.issue", "claim.read",
            "document.classify", "claim.route", "flight.search", "booking.create", "invoice.read", "tool.call", "llm.generate"};
    private static final String[] MODELS = {"gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022", "gemini-1.5-pro",
            "llama-3.1-70b-instruct"};
    private static final String[] REGIONS = {"eu-west-1", "eu-central-1", "us-east-1", "ap-southeast-2"};
    private static final String[] RESULTS = {"success", "success", "success", "success", "denied", "error"};
    private static final String[] WORDS = ("the customer asked about order delivery status refund policy invoice "
            + "claim document estimate repair flight booking change seat baggage allowance payment method card "
            + "account address update please confirm summary escalate agent policy coverage deductible premium "
            + "schedule meeting contract renewal discount shipping tracking number warehouse return label").split(" ");
    private static final String[] FIRST = {"anna", "ben", "chloe", "david", "emma", "farid", "greta", "hugo", "ines", "jonas"};
    private static final String[] DOMAINS = {"example.com", "mail.example.org", "corp.example.net"};
    /** Test card numbers that pass the Luhn check. */
    private static final String[] CARDS = {"4111 1111 1111 1111", "5500-0000-0000-0004", "340000000000009", "6011000000000004"};

    private static final int SUBJECTS = 20_000;
    /**
     * Far enough back that even 10 M events (about 290 days at 2.5 s apart on average) end before today:
     * a timestamp more than a day ahead of the server's clock is quarantined, not stored.
     */
    private static final long START = Instant.parse("2025-09-01T00:00:00Z").toEpochMilli();

    private final SplittableRandom random;

    private SyntheticTrail(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticTrail <events> <file> [seed]");
            System.exit(2);
        }
        long events = Long.parseLong(args[0]);
        Path file = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261121L;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            new SyntheticTrail(seed).write(events, out);
        }
        System.out.printf("wrote %d events, %d bytes to %s%n", events, Files.size(file), file);
    }

    private void write(long events, OutputStream out) throws IOException {
        StringBuilder line = new StringBuilder(2048);
        long written = 0;
        long time = START;
        while (written < events) {
            // One session: one subject (or none), one agent, 3 to 8 actions a few seconds apart.
            int length = 3 + random.nextInt(6);
            String subject = random.nextInt(20) == 0 ? null : "cust-" + (10_000 + random.nextInt(SUBJECTS));
            String agent = AGENTS[random.nextInt(AGENTS.length)];
            String session = "s-" + Long.toHexString(random.nextLong() & 0xffffffffffL);
            String model = MODELS[random.nextInt(MODELS.length)];
            String region = REGIONS[random.nextInt(REGIONS.length)];
            for (int i = 0; i < length && written < events; i++) {
                time += 500 + random.nextInt(4000);
                line.setLength(0);
                event(line, written, time, agent, subject, session, model, region);
                line.append('\n');
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
                written++;
            }
        }
    }

    private void event(StringBuilder b, long n, long time, String agent, String subject, String session,
                       String model, String region) {
        b.append('{');
        // Most agents give an event id; the rest are identified by the digest of their line.
        if (random.nextInt(10) < 8) {
            field(b, "event_id", "evt-" + n).append(", ");
        }
        field(b, "timestamp", Instant.ofEpochMilli(time).toString()).append(", ");
        field(b, "agent_id", agent).append(", ");
        field(b, "agent_version", "3." + random.nextInt(5) + ".0").append(", ");
        field(b, "deployment", agent + "-prod").append(", ");
        String action = ACTIONS[random.nextInt(ACTIONS.length)];
        field(b, "action", action).append(", ");
        field(b, "target", "order/" + (10_000 + random.nextInt(90_000))).append(", ");
        field(b, "result", RESULTS[random.nextInt(RESULTS.length)]).append(", ");
        if (subject != null) {
            field(b, "user", subject).append(", ");
        }
        field(b, "session_id", session).append(", ");
        field(b, "model", model).append(", ");
        b.append("\"tokens\": {\"input\": ").append(200 + random.nextInt(3000))
                .append(", \"output\": ").append(20 + random.nextInt(600)).append("}, ");
        b.append("\"latency_ms\": ").append(100 + random.nextInt(5000)).append(", ");
        field(b, "region", region).append(", ");
        field(b, "data_category", "customer_account").append(", ");
        field(b, "prompt", prose(380)).append(", ");
        field(b, "output", prose(340)).append(", ");
        b.append("\"tool_args\": {");
        field(b, "query", prose(60)).append(", ");
        field(b, "customer_email", email(subject)).append(", ");
        field(b, "notes", prose(80));
        b.append("}}");
    }

    /** Free text of about {@code chars} characters; now and then with something that must be masked. */
    private String prose(int chars) {
        StringBuilder text = new StringBuilder(chars + 64);
        while (text.length() < chars) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        switch (random.nextInt(12)) {
            case 0 -> text.append("my card is ").append(CARDS[random.nextInt(CARDS.length)]);
            case 1 -> text.append("reach me at ").append(email("cust-" + random.nextInt(SUBJECTS)));
            case 2 -> text.append("call +44 20 7946 0").append(100 + random.nextInt(800));
            case 3 -> text.append("use key sk-proj-").append(token(32));
            case 4 -> text.append("password: ").append(token(14));
            case 5 -> text.append("AKIA").append(token(16).toUpperCase());
            default -> text.append("thanks");
        }
        return text.toString();
    }

    private String email(String subject) {
        String local = subject == null ? FIRST[random.nextInt(FIRST.length)] : FIRST[Math.floorMod(subject.hashCode(), FIRST.length)] + "." + subject;
        return local + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
    }

    private String token(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder t = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            t.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return t.toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        return b.append('"').append(name).append("\": \"").append(value).append('"');
    }
}
