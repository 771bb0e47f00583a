package io.trailkeeper.protection.boundary;

import io.trailkeeper.platform.control.ConfiguredDataSource;
import io.trailkeeper.platform.control.DatabaseSettings;
import io.trailkeeper.platform.control.DevelopmentSecret;
import io.trailkeeper.platform.control.TrailkeeperFolder;
import io.trailkeeper.protection.control.ActiveKeyDirectory;
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
import java.nio.file.Path;
import java.util.Base64;
import io.trailkeeper.protection.entity.DataKey;
import io.trailkeeper.protection.entity.SubjectKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.Supplier;
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
    static final String LINE_ID_PURPOSE = "trailkeeper/line-event-ids/v1";
    private static final Logger LOG = Logger.getLogger(KeyCustody.class.getName());

    @Inject
    @ConfigProperty(name = MASTER_KEY)
    Optional<String> configuredKey;

    /** Where the database is, and the folder of development secrets: the server's own; a test gives its own. */
    Supplier<DatabaseSettings> database = ConfiguredDataSource::currentSettings;
    Supplier<Path> secrets = TrailkeeperFolder::resolve;

    private MasterKey master;
    private Pseudonyms pseudonyms;
    private RecordFingerprints fingerprints;
    private byte[] wrappingKey;
    private byte[] lineIdKey;

    @PostConstruct
    void load() {
        master = configuredKey.filter(k -> !k.isBlank())
                .map(k -> MasterKey.fromBase64(k, MASTER_KEY))
                .orElseGet(this::developmentKeyOrRefuse);
        pseudonyms = new Pseudonyms(master);
        fingerprints = new RecordFingerprints(master);
        wrappingKey = master.derive(WRAPPING_PURPOSE);
        lineIdKey = master.derive(LINE_ID_PURPOSE);
        if (master.development()) {
            LOG.warning(() -> "Trailkeeper is using a DEVELOPMENT master key (" + master
                    + "); set " + MASTER_KEY + " before storing real personal data");
        }
    }

    private MasterKey developmentKeyOrRefuse() {
        if (!database.get().embedded()) {
            throw new IllegalStateException(MASTER_KEY + " is required when Trailkeeper runs on PostgreSQL: "
                    + "give it 32 random bytes in Base64, e.g. from `openssl rand -base64 32`, preferably as a Payara password alias");
        }
        String name = "master-key.b64";
        List<String> lines = DevelopmentSecret.readOrCreate(secrets.get(), name,
                () -> List.of(Base64.getEncoder().encodeToString(ContentCipher.newKey())));
        return MasterKey.development(Base64.getDecoder().decode(lines.get(0).trim()), DevelopmentSecret.describe(name));
    }

    public Pseudonyms pseudonyms() {
        return pseudonyms;
    }

    public RecordFingerprints fingerprints() {
        return fingerprints;
    }

    /** The key of event ids derived from lines that name none; a copy, 32 bytes. */
    public byte[] lineIdKey() {
        return lineIdKey.clone();
    }

    /** Wraps a data key for its owner; the owner is bound in, so a wrapped key cannot be moved to another subject. */
    public byte[] wrap(byte[] dataKey, String owner) {
        return ContentCipher.seal(wrappingKey, dataKey, owner.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] unwrap(byte[] wrapped, String owner) {
        return ContentCipher.open(wrappingKey, wrapped, owner.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The data keys of these active keys in clear, by key id. Every chunk of an import needs the keys of
     * a few hundred subjects, mostly the same ones: unwrapped keys are remembered by id (a key's wrapped
     * bytes never change) up to {@link #REMEMBERED_KEYS}. {@link #forget} drops a destroyed key from memory.
     */
    public Map<UUID, byte[]> unwrapAll(List<SubjectKey> keys) {
        Map<UUID, byte[]> clear = new HashMap<>();
        for (SubjectKey key : keys) {
            byte[] known = unwrapped.get(key.id());
            if (known == null) {
                known = unwrap(key.wrappedKey(), key.owner());
                rememberUnwrapped(key.id(), known);
            }
            clear.put(key.id(), known.clone()); // callers' copies: forgetting a key must not zero a key in use
        }
        return clear;
    }

    /**
     * The active keys of these owners as remembered from earlier lookups, by owner, where nothing was
     * destroyed since ({@code destroyedKeys} is the count the database holds now) and the key's clear
     * bytes are still in memory. One call for a whole chunk's owners: each call of this bean passes
     * through the container.
     */
    public Map<String, DataKey> rememberedActiveKeys(Collection<String> owners, long destroyedKeys) {
        Map<String, DataKey> found = new HashMap<>();
        for (String owner : owners) {
            UUID id = activeKeys.keyIdOf(owner, destroyedKeys);
            byte[] clear = id == null ? null : unwrapped.get(id);
            if (clear != null) {
                found.put(owner, new DataKey(id, clear.clone()));
            }
        }
        return found;
    }

    /** Remembers committed, active keys by owner, read or created when {@code destroyedKeys} keys had been destroyed. */
    public void rememberActive(Map<String, DataKey> keysByOwner, long destroyedKeys) {
        keysByOwner.forEach((owner, key) -> {
            rememberUnwrapped(key.id(), key.key().clone());
            activeKeys.remember(owner, key.id(), destroyedKeys);
        });
    }

    /**
     * Drops destroyed keys from memory, so that erasure leaves no copy of them behind (GDPR Art. 17),
     * and stops remembering them as their owner's active key.
     */
    public void forget(String owner, Collection<UUID> keyIds) {
        activeKeys.forget(owner);
        keyIds.forEach(id -> {
            byte[] key = unwrapped.remove(id);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        });
    }

    private void rememberUnwrapped(UUID id, byte[] clear) {
        if (unwrapped.size() >= REMEMBERED_KEYS) {
            unwrapped.clear(); // crude, but bounded; refilled by the next chunks
        }
        unwrapped.put(id, clear);
    }

    /** At most this many unwrapped data keys are kept in memory (32 bytes each, plus the map's entry). */
    static final int REMEMBERED_KEYS = 50_000;
    private final Map<UUID, byte[]> unwrapped = new ConcurrentHashMap<>();
    private final ActiveKeyDirectory activeKeys = new ActiveKeyDirectory();
}
