package io.trailkeeper.retention.boundary;

import io.trailkeeper.retention.entity.BlockedSubject;
import java.util.List;

/**
 * The hook through which data-subject requests block purging: while a subject's request (access,
 * rectification, objection, restriction) is open, retention must not delete the records the answer
 * relies on (GDPR Art. 12(3) one month to answer, Art. 15 access, Art. 18(1) restriction). The DSR
 * capability implements it as a CDI bean (bean-defining annotation, e.g. {@code @ApplicationScoped});
 * retention asks every implementation at each dry run and each deletion run, and counts the events it
 * holds back under {@code SUBJECT_REQUEST}. With no implementation deployed nothing is blocked.
 *
 * <p>Subjects are named by pseudonym only. An erasure request (Art. 17) is no reason to keep: the DSR
 * capability erases through {@code EventDeletion} itself and should not list it here.
 */
public interface OpenSubjectRequests {

    /** The subjects whose records must not be purged now, each with the request that blocks it. */
    List<BlockedSubject> blockingPurge();
}
