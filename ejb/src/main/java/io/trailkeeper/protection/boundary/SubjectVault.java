package io.trailkeeper.protection.boundary;

import io.trailkeeper.platform.control.AfterCommit;
import io.trailkeeper.protection.control.ContentCipher;
import io.trailkeeper.protection.control.Pseudonyms;
import io.trailkeeper.protection.entity.DataKey;
import io.trailkeeper.protection.entity.SubjectKey;
import io.trailkeeper.trail.entity.AuditEvent;
import io.trailkeeper.trail.entity.ContentEncoding;
import io.trailkeeper.trail.entity.StoredContent;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Seals event content under its subject's data key and opens it again while the key exists. */
@Stateless
public class SubjectVault {

    @PersistenceContext(unitName = "trailkeeper")
    EntityManager em;

    @EJB
    KeyCustody custody;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The pseudonym under which a subject's events are stored and found. */
    public String pseudonymOf(String subjectIdentifier) {
        return custody.pseudonyms().of(subjectIdentifier);
    }

    /** The keyed fingerprint (HMAC-SHA256) that tells quarantined records apart without revealing them. */
    /**
     * The key under which event ids derived from a line are computed: the line holds the subject's
     * identifier, so its id must not be a hash anyone can recompute (see the ingest component).
     */
    public byte[] lineIdKey() {
        return custody.lineIdKey();
    }

    public byte[] fingerprintOf(byte[] record) {
        return custody.fingerprints().of(record);
    }

    /** The pseudonym of each of these subjects, computed once per subject however often it occurs. */
    public Map<String, String> pseudonymsOf(Collection<String> subjectIdentifiers) {
        Pseudonyms pseudonyms = custody.pseudonyms();
        Map<String, String> result = new HashMap<>();
        for (String subject : subjectIdentifiers) {
            result.computeIfAbsent(subject, pseudonyms::of);
        }
        return result;
    }

    /**
     * The active data key of each owner (a pseudonym or {@link SubjectKey#UNATTRIBUTED}), created where
     * missing. Keys found before are taken from memory unless a key was destroyed since (see
     * {@link io.trailkeeper.protection.control.ActiveKeyDirectory}); a key created here is remembered only
     * once its transaction has committed.
     */
    public Map<String, DataKey> activeKeys(Set<String> owners) {
        Map<String, DataKey> keys = new HashMap<>();
        if (owners.isEmpty()) {
            return keys;
        }
        long destroyedKeys = destroyedKeyCount();
        Map<String, DataKey> createdNow = keysCreatedInThisTransaction(destroyedKeys);
        List<String> unknown = new ArrayList<>();
        for (String owner : owners) {
            DataKey created = createdNow.get(owner);
            if (created != null) {
                keys.put(owner, created);
            } else {
                unknown.add(owner);
            }
        }
        Map<String, DataKey> remembered = custody.rememberedActiveKeys(unknown, destroyedKeys);
        keys.putAll(remembered);
        unknown.removeIf(remembered::containsKey);
        if (unknown.isEmpty()) {
            return keys;
        }
        // Read-only: the keys are only read here, and an import reads hundreds per chunk; registered in
        // the transaction, each would be copied on read and compared field by field at commit.
        List<SubjectKey> existing = em.createQuery(
                        "SELECT k FROM SubjectKey k WHERE k.owner IN :owners AND k.destroyedAt IS NULL ORDER BY k.createdAt", SubjectKey.class)
                .setParameter("owners", unknown)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
        Map<UUID, byte[]> clear = custody.unwrapAll(existing);
        Map<String, DataKey> found = new HashMap<>();
        for (SubjectKey key : existing) {
            found.put(key.owner(), new DataKey(key.id(), clear.get(key.id())));
        }
        keys.putAll(found);
        // Committed by other transactions: the keys this one created were found in createdNow above.
        custody.rememberActive(found, destroyedKeys);
        for (String owner : unknown) {
            if (!keys.containsKey(owner)) {
                byte[] fresh = ContentCipher.newKey();
                SubjectKey created = new SubjectKey(UUID.randomUUID(), owner, custody.wrap(fresh, owner), clock.instant());
                em.persist(created);
                DataKey key = new DataKey(created.id(), fresh);
                keys.put(owner, key);
                createdNow.put(owner, key);
            }
        }
        return keys;
    }

    /**
     * The keys this transaction created so far, by owner; when it commits they are remembered as their
     * owners' active keys. Never remembered before: if the transaction rolls back, they never existed.
     */
    private Map<String, DataKey> keysCreatedInThisTransaction(long destroyedKeys) {
        @SuppressWarnings("unchecked")
        Map<String, DataKey> created = (Map<String, DataKey>) transactions.getResource(CREATED_KEYS);
        if (created == null) {
            Map<String, DataKey> keys = new HashMap<>();
            created = keys;
            transactions.putResource(CREATED_KEYS, keys);
            AfterCommit.run(transactions, () -> custody.rememberActive(keys, destroyedKeys));
        }
        return created;
    }

    /** How many data keys were ever destroyed: what is remembered of active keys is valid only under the same count. */
    private long destroyedKeyCount() {
        return ((Number) em.createNativeQuery("SELECT destroyed_keys FROM subject_key_destruction WHERE id = 1")
                .getSingleResult()).longValue();
    }

    /** The key under which a transaction's created keys are kept in the transaction's resources. */
    private static final String CREATED_KEYS = SubjectVault.class.getName() + ".createdKeys";

    /** Encrypts one event's content; the event id is bound in, so the bytes cannot be moved to another row. */
    public static StoredContent seal(DataKey key, UUID eventId, String contentJson) {
        byte[] sealed = ContentCipher.seal(key.key(), contentJson.getBytes(StandardCharsets.UTF_8), associatedData(eventId));
        return new StoredContent(sealed, ContentEncoding.AES256_GCM_V1, key.id());
    }

    /**
     * The event's content in clear, or empty when it has none or its subject's key was destroyed.
     *
     * @throws ContentCipher.ContentUnreadable when the stored bytes were changed
     */
    public Optional<String> readContent(AuditEvent event) {
        StoredContent stored = event.storedContent().orElse(null);
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.encoding() == ContentEncoding.PLAIN_JSON) {
            return Optional.of(new String(stored.bytes(), StandardCharsets.UTF_8));
        }
        SubjectKey key = em.find(SubjectKey.class, stored.keyId());
        if (key == null || key.destroyed()) {
            return Optional.empty();
        }
        byte[] dataKey = custody.unwrap(key.wrappedKey(), key.owner());
        return Optional.of(new String(ContentCipher.open(dataKey, stored.bytes(), associatedData(event.id())), StandardCharsets.UTF_8));
    }

    /** Whether the content of this event can still be read (false after its key was destroyed). */
    public boolean contentErased(AuditEvent event) {
        return event.storedContent()
                .filter(c -> c.encoding() != ContentEncoding.PLAIN_JSON)
                .map(c -> {
                    SubjectKey key = em.find(SubjectKey.class, c.keyId());
                    return key == null || key.destroyed();
                })
                .orElse(false);
    }

    /**
     * Destroys every data key of a subject, making all their stored content unreadable at once
     * (GDPR Art. 17 erasure by crypto-shredding). Returns how many keys were destroyed.
     */
    public int destroyKeysOf(String pseudonym) {
        List<SubjectKey> keys = em.createQuery("SELECT k FROM SubjectKey k WHERE k.owner = :owner AND k.destroyedAt IS NULL", SubjectKey.class)
                .setParameter("owner", pseudonym)
                .getResultList();
        keys.forEach(k -> k.destroy(clock.instant()));
        if (!keys.isEmpty()) {
            // Committed with the destruction: every server forgets the active keys it remembers.
            em.createNativeQuery("UPDATE subject_key_destruction SET destroyed_keys = destroyed_keys + ?1 WHERE id = 1")
                    .setParameter(1, (long) keys.size())
                    .executeUpdate();
        }
        custody.forget(pseudonym, keys.stream().map(SubjectKey::id).toList());
        return keys.size();
    }

    /** Seals bytes that belong to no event (e.g. a quarantined record), bound to {@code context}. */
    public static byte[] sealBytes(DataKey key, String context, byte[] clear) {
        return ContentCipher.seal(key.key(), clear, context.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens what {@link #sealBytes} sealed; the key must still exist. */
    public byte[] openBytes(UUID keyId, String context, byte[] sealed) {
        SubjectKey key = em.find(SubjectKey.class, keyId);
        if (key == null || key.destroyed()) {
            throw new ContentCipher.ContentUnreadable("the key that sealed these bytes no longer exists");
        }
        return ContentCipher.open(custody.unwrap(key.wrappedKey(), key.owner()), sealed, context.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] associatedData(UUID eventId) {
        return ("trailkeeper/audit-event/" + eventId).getBytes(StandardCharsets.UTF_8);
    }
}
