package io.trailkeeper.residency.entity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All verdicts on one event; the event's outcome is the worst of them. */
public record ResidencyJudgement(SubjectJurisdiction subject, String policy, List<ResidencyVerdict> verdicts,
                                 String catalogVersion) {

    public ResidencyJudgement {
        verdicts = List.copyOf(verdicts);
        if (verdicts.isEmpty()) {
            throw new IllegalArgumentException("a judgement has at least one verdict");
        }
    }

    public ResidencyOutcome outcome() {
        return verdicts.stream().map(ResidencyVerdict::outcome)
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    public List<ResidencyVerdict> findings() {
        return verdicts.stream().filter(v -> v.outcome() == ResidencyOutcome.FINDING).toList();
    }

    public Optional<ResidencyVerdict> verdictOn(ResidencyVerdict.Aspect aspect) {
        return verdicts.stream().filter(v -> v.aspect() == aspect).findFirst();
    }
}
