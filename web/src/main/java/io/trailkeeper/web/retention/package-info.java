/**
 * The web side of retention: {@code /api/retention/...} (classes, rules, policies with presets,
 * conflicts and frameworks, holds, changes, dry run) and the page {@code app/retention.xhtml}. Officers
 * and administrators change; auditors read everything and change nothing.
 */
package io.trailkeeper.web.retention;
