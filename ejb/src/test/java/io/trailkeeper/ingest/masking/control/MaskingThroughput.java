package io.trailkeeper.ingest.masking.control;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures {@link SensitiveDataMasking#maskJson} on 100,000 realistic ~1 KB event contents, most
 * of them clean and some with personal data or credentials, as an agent's audit log has them.
 * Not a test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes:<jakarta.json-api and parsson jars> io.trailkeeper.ingest.masking.control.MaskingThroughput}.
 * Ingestion needs about 30,000 events/s on two cores.
 */
public final class MaskingThroughput {

    private static final int EVENTS = 100_000;
    private static final String[] WORDS = ("the customer asked about refund order shipping invoice status delay policy agent "
            + "tool result summary account update please confirm ticket escalation priority weekly report latency region "
            + "model prompt output retry timeout payment subscription plan renewal discount support").split(" ");

    private MaskingThroughput() {
    }

    public static void main(String[] args) throws Exception {
        List<String> contents = contents(new Random(20261121));
        long bytes = contents.stream().mapToLong(String::length).sum();
        SensitiveDataMasking masking = new SensitiveDataMasking();

        run(masking, contents, 1); // warm-up, so the JIT has compiled the hot paths
        run(masking, contents, 2);
        // Best of three: on a shared machine the slowest runs measure the neighbours, not the code.
        double oneThread = 0;
        double twoThreads = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            oneThread = Math.max(oneThread, run(masking, contents, 1));
            twoThreads = Math.max(twoThreads, run(masking, contents, 2));
        }
        long masked = contents.stream().filter(c -> masking.maskJson(c).counts().total() > 0).count();

        System.out.printf("%,d events, average %,d chars, %,d with something masked%n",
                EVENTS, bytes / EVENTS, masked);
        System.out.printf("1 thread:  %,.0f events/s (%.1f MB/s)%n", oneThread, oneThread * bytes / EVENTS / 1e6);
        System.out.printf("2 threads: %,.0f events/s (%.1f MB/s)%n", twoThreads, twoThreads * bytes / EVENTS / 1e6);
        System.out.printf("(%d processors, system load average %.1f)%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** @return events per second */
    private static double run(SensitiveDataMasking masking, List<String> contents, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> parts = new ArrayList<>();
            int share = contents.size() / threads;
            for (int t = 0; t < threads; t++) {
                List<String> part = contents.subList(t * share, t == threads - 1 ? contents.size() : (t + 1) * share);
                parts.add(pool.submit(() -> {
                    int total = 0;
                    for (String content : part) {
                        total += masking.maskJson(content).counts().total();
                    }
                    return total;
                }));
            }
            for (Future<Integer> part : parts) {
                part.get();
            }
            return contents.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> contents(Random random) {
        List<String> contents = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            contents.add(content(random, i));
        }
        return contents;
    }

    private static String content(Random random, int i) {
        String prompt = sentence(random, 40) + " Order " + (10_000 + random.nextInt(90_000)) + " placed 2026-11-"
                + (10 + random.nextInt(18)) + "T10:" + (10 + random.nextInt(49)) + ":00Z.";
        String output = sentence(random, 45) + " Version 2." + random.nextInt(20) + "." + random.nextInt(9)
                + ", trace " + UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)}) + ".";
        int kind = random.nextInt(100);
        if (kind < 8) {
            prompt += " Contact customer" + i + "@example.com about it.";
        } else if (kind < 10) {
            output += " Charged card 4111 1111 1111 1111.";
        } else if (kind < 12) {
            prompt += " Call (415) 555-01" + (10 + random.nextInt(90)) + " tomorrow.";
        } else if (kind < 13) {
            output += " Used Authorization: Bearer " + Fabricated.JWT;
        }
        return "{\"prompt\":\"" + prompt + "\",\"output\":\"" + output + "\","
                + "\"tool_call\":{\"name\":\"crm.lookup\",\"arguments\":{\"customer_id\":\"cust-" + random.nextInt(1_000_000)
                + "\",\"fields\":[\"name\",\"status\",\"tier\"],\"limit\":" + random.nextInt(100) + "},"
                + "\"result\":{\"status\":\"ok\",\"rows\":" + random.nextInt(50) + ",\"note\":\"" + sentence(random, 20) + "\"}},"
                + "\"tokens\":{\"input\":" + random.nextInt(4000) + ",\"output\":" + random.nextInt(1000) + "},"
                + "\"latency_ms\":" + random.nextInt(5000) + ",\"model\":\"gpt-4o-2024-08-06\",\"region\":\"eu-central-1\"}";
    }

    private static String sentence(Random random, int words) {
        StringBuilder sentence = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                sentence.append(' ');
            }
            sentence.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sentence.append('.').toString();
    }
}
