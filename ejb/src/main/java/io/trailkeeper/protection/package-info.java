/**
 * Protection of data subjects' data at rest. Subject identifiers are stored only as keyed-hash
 * pseudonyms; each subject's event content is encrypted with AES-256-GCM under a data key of their
 * own, wrapped by the master key from configuration. Destroying a subject's data key makes all of
 * their content unreadable at once (crypto-shredding), which erasure relies on, while the trail's
 * structure and integrity stay intact.
 */
package io.trailkeeper.protection;
