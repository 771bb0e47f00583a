package io.trailkeeper.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The unpacked Payara's domain1, driven with asadmin like an operator would, so that a test can kill
 * the server hard and start it again (Arquillian's managed container cannot be crashed under its feet).
 * The server inherits this JVM's environment: database, keys and the administrator's password, with
 * the changes a test asks for ({@link #withEnvironment}), e.g. a first start without an administrator's password.
 */
final class PayaraDomain {

    private static final String DOMAIN = "domain1";
    private final Path home;
    private final Path log;
    private final Map<String, String> environment;

    PayaraDomain(Path home, Path log) {
        this(home, log, Map.of());
    }

    private PayaraDomain(Path home, Path log, Map<String, String> environment) {
        this.home = home;
        this.log = log;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The same domain, whose asadmin (and so the server it starts) gets these environment variables
     * instead of this JVM's; an empty value removes the variable. Takes effect at the next start.
     */
    PayaraDomain withEnvironment(Map<String, String> changes) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(changes);
        return new PayaraDomain(home, log, merged);
    }

    static PayaraDomain fromBuild() {
        String home = System.getProperty("payara.home");
        if (home == null || !Files.isDirectory(Path.of(home, "bin"))) {
            throw new IllegalStateException("system property payara.home must name the unpacked Payara; run through Maven (mvn verify)");
        }
        return new PayaraDomain(Path.of(home), Path.of(home).getParent().resolve("crash-test-asadmin.log"));
    }

    void start() {
        asadmin(Duration.ofMinutes(3), "start-domain", DOMAIN);
    }

    /**
     * A server that crashed mid-chunk leaves that chunk's XA branch prepared in the job repository;
     * with automatic recovery the restarted server decides it (rolls it back) instead of leaving the
     * checkpoint locked. Takes effect at the next start, which is the one after a crash.
     */
    void enableAutomaticTransactionRecovery() {
        asadmin(Duration.ofMinutes(1), "set", "configs.config.server-config.transaction-service.automatic-recovery=true");
    }

    void deploy(Path ear) {
        asadmin(Duration.ofMinutes(4), "deploy", "--force=true", "--name", "trailkeeper", ear.toString());
    }

    /**
     * Drops the application from the stopped domain, as the run command does before deploying a
     * changed EAR: the next {@link #start()} comes up without it, and {@link #deploy} makes a new
     * deployment, which Payara treats as a stranger to the job executions of the one before (as after
     * an upgrade).
     */
    void forgetDeployment() throws IOException {
        Path domainDir = home.resolve("glassfish/domains/" + DOMAIN);
        Path domainXml = domainDir.resolve("config/domain.xml");
        List<String> lines = Files.readAllLines(domainXml, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        boolean inApplication = false;
        for (String line : lines) {
            if (line.contains("<application-ref ") && line.contains("ref=\"trailkeeper\"")) {
                continue;
            }
            if (line.contains("<application ") && line.contains("name=\"trailkeeper\"")) {
                inApplication = true;
            }
            if (!inApplication) {
                kept.add(line);
            } else if (line.contains("</application>")) {
                inApplication = false;
            }
        }
        if (kept.size() == lines.size()) {
            throw new IllegalStateException("trailkeeper is not deployed in " + domainXml);
        }
        String without = String.join(System.lineSeparator(), kept) + System.lineSeparator();
        Files.writeString(domainXml, without, StandardCharsets.UTF_8);
        deleteTree(domainDir.resolve("applications/trailkeeper"));
        try (var generated = Files.list(domainDir.resolve("generated"))) {
            for (Path kind : generated.toList()) {
                deleteTree(kind.resolve("trailkeeper"));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Deploys the EAR and says whether Payara accepted it (asadmin's exit status), rather than throwing when it did not. */
    boolean deploys(Path ear) {
        return run(Duration.ofMinutes(4), "deploy", "--force=true", "--name", "trailkeeper", ear.toString()) == 0;
    }

    /** Removes the application if it is deployed; for clean-up, so it never throws. */
    void undeployQuietly() {
        if (run(Duration.ofMinutes(2), "undeploy", "trailkeeper") != 0) {
            System.err.println("undeploy trailkeeper failed (perhaps it was not deployed); see " + log);
        }
    }

    /** Stops the domain if it runs; for clean-up, so it never throws. */
    void stopQuietly() {
        try {
            asadmin(Duration.ofMinutes(2), "stop-domain", "--kill=true", DOMAIN);
        } catch (RuntimeException e) {
            System.err.println("stop-domain failed: " + e.getMessage());
        }
    }

    /** Kills the server JVM as a crash would (SIGKILL): no shutdown hook, no batch runtime clean-up. */
    void killHard() throws IOException, InterruptedException, ExecutionException, TimeoutException {
        long pid = Long.parseLong(Files.readString(home.resolve("glassfish/domains/" + DOMAIN + "/config/pid")).strip());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no server process " + pid));
        if (!server.destroyForcibly()) {
            throw new IllegalStateException("could not kill the server process " + pid);
        }
        server.onExit().get(30, TimeUnit.SECONDS);
    }

    private void asadmin(Duration timeout, String... arguments) {
        int status = run(timeout, arguments);
        if (status != 0) {
            throw new IllegalStateException("asadmin " + arguments[0] + " failed (" + status + "); see " + log);
        }
    }

    /** Runs asadmin with this domain's environment and returns its exit status. */
    private int run(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/asadmin").toString());
        command.add("--interactive=false");
        command.addAll(List.of(arguments));
        try {
            Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            environment.forEach((name, value) -> {
                if (value.isEmpty()) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("asadmin " + arguments[0] + " did not finish within " + timeout + "; see " + log);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("could not run asadmin in " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    File serverLog() {
        return home.resolve("glassfish/domains/" + DOMAIN + "/logs/server.log").toFile();
    }

    /** Where the server keeps Trailkeeper's own files (development secrets, inbox, watched directories). */
    Path trailkeeperFolder() {
        return home.resolve("glassfish/domains/" + DOMAIN + "/trailkeeper");
    }

    /** A mark in the server log; {@link #logSince} returns what the server wrote after it. */
    long logMark() {
        File file = serverLog();
        return file.exists() ? file.length() : 0;
    }

    /** What the server log gained since {@code mark} (all of it if the log was rotated in between). */
    String logSince(long mark) {
        try {
            byte[] all = Files.readAllBytes(serverLog().toPath());
            int from = all.length < mark ? 0 : (int) mark;
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
