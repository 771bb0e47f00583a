/**
 * Masking of secrets and personal data before anything is stored: the detectors (vendor API keys,
 * bearer and basic credentials, JWTs, private keys, labelled secrets, credentials in URLs,
 * Luhn-checked card numbers, US SSNs, e-mail addresses, phone numbers), the pass that replaces their
 * findings with markers such as {@code [MASKED:EMAIL]} and counts them, the walk over the string
 * values of JSON content (one scan for compact JSON text, a parse otherwise), and the entry points
 * {@link io.trailkeeper.ingest.masking.control.SensitiveDataMasking} (text) and
 * {@link io.trailkeeper.ingest.masking.control.DraftMasking} (a whole event draft).
 */
package io.trailkeeper.ingest.masking.control;
