package io.trailkeeper.jobs.residency;

import io.trailkeeper.residency.boundary.ResidencyCheck;
import io.trailkeeper.residency.entity.CheckRun;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The step of job {@code residency-check}: one check in its own transaction; its exit status says what it did. */
@Named
@Dependent
public class ResidencyCheckBatchlet extends AbstractBatchlet {

    private final ResidencyCheck check;
    private final String startedBy;

    @Inject
    public ResidencyCheckBatchlet(ResidencyCheck check, @BatchProperty(name = "startedBy") String startedBy) {
        this.check = check;
        this.startedBy = startedBy;
    }

    @Override
    public String process() {
        CheckRun run = check.run(startedBy == null || startedBy.isBlank() ? "residency-check job" : startedBy);
        return "COMPLETED: run " + run.id() + ", " + run.events() + " events, " + run.newFindings() + " new findings";
    }
}
