package io.trailkeeper.ingest.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * Once, at start-up after V10: quarantine rows from before it carry an unkeyed SHA-256 of their line,
 * which confirms a guessed short line (an e-mail address, a name). Each is replaced by the keyed
 * fingerprint of its bytes, or cleared when only the head of the line was kept. Afterwards no unkeyed
 * hash of quarantined content is left in the database.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "KeyCustody"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QuarantineFingerprintUpgrade {

    private static final Logger LOG = Logger.getLogger(QuarantineFingerprintUpgrade.class.getName());
    private static final int BATCH = 500;

    @EJB
    Quarantine quarantine;

    @PostConstruct
    void upgrade() {
        long upgraded = 0;
        for (int changed = quarantine.replaceLegacyHashes(BATCH); changed > 0; changed = quarantine.replaceLegacyHashes(BATCH)) {
            upgraded += changed;
        }
        if (upgraded > 0) {
            long total = upgraded;
            LOG.info(() -> "Replaced the unkeyed hash of " + total + " quarantined records by their keyed fingerprint");
        }
    }
}
