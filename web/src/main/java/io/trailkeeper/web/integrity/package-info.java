/**
 * Web side of integrity: sealing and reading signed checkpoints of the tamper-evident log, verifying
 * the whole trail against it, and publishing the key auditors check signatures with.
 */
package io.trailkeeper.web.integrity;
