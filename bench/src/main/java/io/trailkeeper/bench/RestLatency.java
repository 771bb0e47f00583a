package io.trailkeeper.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Latency of one REST call under concurrent clients: each of {@code clients} threads sends
 * {@code requests} GETs one after another with the given Authorization, on loopback only, and the
 * figures are printed as one line: p50, p90, p99 and max in milliseconds, and requests per second.
 * A bounded run: it stops by itself after clients × requests calls.
 *
 * <pre>java io.trailkeeper.bench.RestLatency URL AUTHORIZATION CLIENTS REQUESTS LABEL</pre>
 */
public final class RestLatency {

    private RestLatency() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost())) {
            throw new IllegalArgumentException("loopback only: " + uri);
        }
        String authorization = args[1];
        int clients = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        String label = args[4];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization).timeout(Duration.ofSeconds(60)).GET().build();

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<long[]>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            runs.add(pool.submit(() -> {
                long[] nanos = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(label + ": HTTP " + response.statusCode() + " " + new String(response.body()));
                    }
                }
                return nanos;
            }));
        }
        long[] all = new long[clients * requests];
        int at = 0;
        for (Future<long[]> run : runs) {
            long[] nanos = run.get();
            System.arraycopy(nanos, 0, all, at, nanos.length);
            at += nanos.length;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Arrays.sort(all);
        System.out.printf("%-8s %d clients x %d requests: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f requests/s%n",
                label, clients, requests, ms(all, 0.50), ms(all, 0.90), ms(all, 0.99), all[all.length - 1] / 1e6, all.length / seconds);
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
