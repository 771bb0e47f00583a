/**
 * Web side of integrity: sealing and reading signed checkpoints of the tamper-evident log, verifying
 * the whole trail or a range of leaf indexes against it (REST, and the integrity page in plain words),
 * and publishing the key auditors check signatures with.
 */
package io.trailkeeper.web.integrity;
