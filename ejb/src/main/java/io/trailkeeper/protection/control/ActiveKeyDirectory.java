package io.trailkeeper.protection.control;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which data key is active for each owner (a subject's pseudonym or the unattributed owner), remembered
 * between the chunks of an import so that a chunk does not ask the database again for the keys of the
 * few hundred subjects it holds, mostly the same ones as the chunk before.
 *
 * <p>A remembered entry is only valid while no key has been destroyed since it was remembered: every
 * lookup states how many keys the database says were ever destroyed, and a count other than the one
 * the entries were remembered under forgets them all. The count lives in the database and rises in
 * the transaction that destroys, so the rule also holds when several servers share one database, and
 * an erasure (GDPR Art. 17) never leaves a destroyed key in use beyond the chunk that was already
 * running when it committed. Only keys known to be committed may be remembered: a key created by a
 * chunk that rolls back never reached the database, and content sealed under it could never be read.
 */
public final class ActiveKeyDirectory {

    /** Owners remembered at most; when full, the directory starts empty again (refilled by the next chunks). */
    static final int CAPACITY = 50_000;

    private record Generation(long destroyedKeys, Map<String, UUID> keyIdByOwner) {
    }

    private volatile Generation current = new Generation(-1, new ConcurrentHashMap<>());

    /** The remembered key id of this owner, if the directory was filled under the same count of destroyed keys. */
    public UUID keyIdOf(String owner, long destroyedKeys) {
        return generation(destroyedKeys).keyIdByOwner().get(owner);
    }

    /** Remembers a committed, active key of an owner, as seen when this many keys had been destroyed. */
    public void remember(String owner, UUID keyId, long destroyedKeys) {
        Generation generation = generation(destroyedKeys);
        if (generation.destroyedKeys() != destroyedKeys) {
            return; // another count arrived meanwhile: what this caller saw may be outdated
        }
        if (generation.keyIdByOwner().size() >= CAPACITY) {
            generation.keyIdByOwner().clear();
        }
        generation.keyIdByOwner().putIfAbsent(owner, keyId);
    }

    /** Forgets an owner's key at once, before the destruction is committed. */
    public void forget(String owner) {
        current.keyIdByOwner().remove(owner);
    }

    /** Owners remembered now (for tests and diagnostics). */
    public int size() {
        return current.keyIdByOwner().size();
    }

    /**
     * The generation for this count; any other count than the remembered one starts an empty generation.
     * Equality, not "higher than": a count that went down means the database is not the one the entries
     * came from (restored from a backup, say), and none of them can be trusted.
     */
    private Generation generation(long destroyedKeys) {
        Generation known = current;
        if (destroyedKeys != known.destroyedKeys()) {
            synchronized (this) {
                known = current;
                if (destroyedKeys != known.destroyedKeys()) {
                    known = new Generation(destroyedKeys, new ConcurrentHashMap<>());
                    current = known;
                }
            }
        }
        return known;
    }
}
