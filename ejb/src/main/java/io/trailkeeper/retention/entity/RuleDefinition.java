package io.trailkeeper.retention.entity;

/**
 * A classification rule as an officer writes it. Conditions left null match anything; at least one
 * must be given. Patterns are case-insensitive globs ({@code *} any text, {@code ?} one character);
 * {@code sourceName} is a source's exact name. {@code reason} is why it is added or changed.
 */
public record RuleDefinition(Integer evaluationOrder, String recordClass, String sourceName, String agentPattern,
                             String actionPattern, String dataCategoryPattern, String resultPattern, String note,
                             String reason) {

    /** One line for the change record, e.g. {@code #600 action=chat -> CONVERSATION_LOG}. */
    public String described() {
        StringBuilder text = new StringBuilder("#").append(evaluationOrder);
        append(text, "source", sourceName);
        append(text, "agent", agentPattern);
        append(text, "action", actionPattern);
        append(text, "dataCategory", dataCategoryPattern);
        append(text, "result", resultPattern);
        return text.append(" -> ").append(recordClass).toString();
    }

    private static void append(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(' ').append(name).append('=').append(value);
        }
    }
}
