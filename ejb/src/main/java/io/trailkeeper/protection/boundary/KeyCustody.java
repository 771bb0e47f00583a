package io.trailkeeper.protection.boundary;

import io.trailkeeper.platform.control.ConfiguredDataSource;
import io.trailkeeper.platform.control.DevelopmentSecret;
import io.trailkeeper.protection.control.ContentCipher;
import io.trailkeeper.protection.control.MasterKey;
import io.trailkeeper.protection.control.RecordFingerprints;
import io.trailkeeper.protection.control.Pseudonyms;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the master key for the application's lifetime. In production (PostgreSQL) it must come from
 * configuration, {@code trailkeeper.crypto.master-key} (Base64 of 32 bytes, ideally a Payara password
 * alias); without it Trailkeeper refuses to start rather than store personal data under a weak key.
 * The embedded database generates a development key once, stored next to the database and labelled
 * as such in its file name and in the log.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable after start-up
public class KeyCustody {

    public static final String MASTER_KEY = "trailkeeper.crypto.master-key";
    static final String WRAPPING_PURPOSE = "trailkeeper/data-key-wrapping/v1";
    private static final Logger LOG = Logger.getLogger(KeyCustody.class.getName());

    @Inject
    @ConfigProperty(name = MASTER_KEY)
    Optional<String> configuredKey;

    private MasterKey master;
    private Pseudonyms pseudonyms;
    private RecordFingerprints fingerprints;
    private byte[] wrappingKey;

    @PostConstruct
    void load() {
        master = configuredKey.filter(k -> !k.isBlank())
                .map(k -> MasterKey.fromBase64(k, MASTER_KEY))
                .orElseGet(KeyCustody::developmentKeyOrRefuse);
        pseudonyms = new Pseudonyms(master);
        fingerprints = new RecordFingerprints(master);
        wrappingKey = master.derive(WRAPPING_PURPOSE);
        if (master.development()) {
            LOG.warning(() -> "Trailkeeper is using a DEVELOPMENT master key (" + master
                    + "); set " + MASTER_KEY + " before storing real personal data");
        }
    }

    private static MasterKey developmentKeyOrRefuse() {
        if (!ConfiguredDataSource.currentSettings().embedded()) {
            throw new IllegalStateException(MASTER_KEY + " is required when Trailkeeper runs on PostgreSQL: "
                    + "give it 32 random bytes in Base64, e.g. from `openssl rand -base64 32`, preferably as a Payara password alias");
        }
        String name = "master-key.b64";
        List<String> lines = DevelopmentSecret.readOrCreate(name,
                () -> List.of(Base64.getEncoder().encodeToString(ContentCipher.newKey())));
        return MasterKey.development(Base64.getDecoder().decode(lines.get(0).trim()), DevelopmentSecret.describe(name));
    }

    public Pseudonyms pseudonyms() {
        return pseudonyms;
    }

    public RecordFingerprints fingerprints() {
        return fingerprints;
    }

    /** Wraps a data key for its owner; the owner is bound in, so a wrapped key cannot be moved to another subject. */
    public byte[] wrap(byte[] dataKey, String owner) {
        return ContentCipher.seal(wrappingKey, dataKey, owner.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] unwrap(byte[] wrapped, String owner) {
        return ContentCipher.open(wrappingKey, wrapped, owner.getBytes(StandardCharsets.UTF_8));
    }
}
