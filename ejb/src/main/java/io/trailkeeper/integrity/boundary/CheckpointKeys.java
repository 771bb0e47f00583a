package io.trailkeeper.integrity.boundary;

import io.trailkeeper.integrity.control.CheckpointSignature;
import io.trailkeeper.platform.control.ConfiguredDataSource;
import io.trailkeeper.platform.control.DatabaseSettings;
import io.trailkeeper.platform.control.DevelopmentSecret;
import io.trailkeeper.platform.control.TrailkeeperFolder;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Ed25519 key pair that signs checkpoints. From configuration in production (PKCS#8 private key
 * and X.509 public key, Base64; required on PostgreSQL); the embedded database generates a
 * development pair once, labelled as such. The public key is published so auditors can check
 * checkpoints without trusting Trailkeeper.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable after start-up
public class CheckpointKeys {

    public static final String PRIVATE_KEY = "trailkeeper.integrity.signing-key";
    public static final String PUBLIC_KEY = "trailkeeper.integrity.verification-key";
    private static final Logger LOG = Logger.getLogger(CheckpointKeys.class.getName());

    @Inject
    @ConfigProperty(name = PRIVATE_KEY)
    Optional<String> configuredPrivate;

    @Inject
    @ConfigProperty(name = PUBLIC_KEY)
    Optional<String> configuredPublic;

    /** Where the database is, and the folder of development secrets: the server's own; a test gives its own. */
    Supplier<DatabaseSettings> database = ConfiguredDataSource::currentSettings;
    Supplier<Path> secrets = TrailkeeperFolder::resolve;

    private PrivateKey signing;
    private PublicKey verification;

    @PostConstruct
    void load() {
        if (configuredPrivate.filter(k -> !k.isBlank()).isPresent() && configuredPublic.filter(k -> !k.isBlank()).isPresent()) {
            signing = CheckpointSignature.privateKeyFromBase64(configuredPrivate.get());
            verification = CheckpointSignature.publicKeyFromBase64(configuredPublic.get());
            return;
        }
        if (!database.get().embedded()) {
            throw new IllegalStateException(PRIVATE_KEY + " and " + PUBLIC_KEY + " are required when Trailkeeper runs on PostgreSQL: "
                    + "an Ed25519 key pair in Base64 (PKCS#8 and X.509 DER), e.g. from `openssl genpkey -algorithm ed25519`");
        }
        loadDevelopmentPair();
        LOG.warning("Trailkeeper signs checkpoints with a DEVELOPMENT key pair; set " + PRIVATE_KEY + " and " + PUBLIC_KEY
                + " before relying on them");
    }

    private void loadDevelopmentPair() {
        List<String> lines = DevelopmentSecret.readOrCreate(secrets.get(), "checkpoint-keys.b64", () -> {
            KeyPair pair = CheckpointSignature.newKeyPair();
            return List.of(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        });
        signing = CheckpointSignature.privateKeyFromBase64(lines.get(0));
        verification = CheckpointSignature.publicKeyFromBase64(lines.get(1));
    }

    public PrivateKey signing() {
        return signing;
    }

    public PublicKey verification() {
        return verification;
    }
}
