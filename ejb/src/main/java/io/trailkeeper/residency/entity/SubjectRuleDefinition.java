package io.trailkeeper.residency.entity;

/** What an officer sends to declare where a source's or agent's subjects live. */
public record SubjectRuleDefinition(Integer evaluationOrder, String source, String agent, String jurisdiction, String reason) {
}
