/**
 * Integrity: answers the auditor's question "was anything in the trail changed, deleted or inserted?".
 * Every stored audit event becomes a leaf of an append-only Merkle tree as specified by RFC 6962 §2.1
 * (Certificate Transparency; verification algorithms as clarified in RFC 9162), and checkpoints of the
 * tree's size and root, each chained to the one before, are sealed with an Ed25519 signature.
 * Verification recomputes the leaves from the stored rows, compares them with the leaf hashes recorded
 * at append time and the recorded leaves with the checkpoints, and names the first leaf where they part.
 * Deletions by retention or erasure are leaves of the log themselves, so they are told apart from
 * tampering: a DELETION leaf commits, in a layout of its own, to the event leaf it deletes (index and
 * hash), the ground and who asked, all of which its row names, so verification recomputes it like an
 * event leaf; the event's own leaf stays, so checkpoints and proofs keep holding. A leaf covers only an event's non-personal fields and the SHA-256 of its encrypted content,
 * so destroying a data subject's key never breaks the log.
 */
package io.trailkeeper.integrity;
