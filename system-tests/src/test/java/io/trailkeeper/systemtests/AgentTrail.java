package io.trailkeeper.systemtests;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds agent-action trails for one test: agent names carry a unique suffix, so tests that share a
 * server (and its database) never see each other's events in their counts.
 */
final class AgentTrail {

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> lines = new ArrayList<>();

    String agent(String name) {
        return name + "-" + suffix;
    }

    AgentTrail action(String agent, String action, Instant at, String result) {
        lines.add("{\"timestamp\":\"" + at.truncatedTo(ChronoUnit.MILLIS) + "\",\"agent_id\":\"" + agent(agent)
                + "\",\"action\":\"" + action + "\",\"target\":\"order/" + lines.size() + "\",\"result\":\"" + result
                + "\",\"reason\":\"customer request\",\"user_confirmed\":true,\"session_id\":\"s-" + suffix
                + "\",\"user\":\"cust-" + lines.size() + "\",\"model\":\"gpt-4o\",\"tokens\":{\"input\":120,\"output\":40}"
                + ",\"latency_ms\":900,\"region\":\"eu-west-1\",\"prompt\":\"look up order " + lines.size() + "\"}");
        return this;
    }

    AgentTrail line(String raw) {
        lines.add(raw);
        return this;
    }

    String jsonLines() {
        return String.join("\n", lines) + "\n";
    }
}
