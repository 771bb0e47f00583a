package io.trailkeeper.jobs.residency;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import java.util.Properties;

/** Starts job {@code residency-check} (from this module, which holds the job's XML). */
@Stateless
public class ResidencyCheckJobs {

    public static final String JOB = "residency-check";

    /** The new execution's id; the run it records appears in the check history when it ends. */
    public long start(String startedBy) {
        Properties parameters = new Properties();
        parameters.setProperty("startedBy", startedBy);
        return BatchRuntime.getJobOperator().start(JOB, parameters);
    }
}
