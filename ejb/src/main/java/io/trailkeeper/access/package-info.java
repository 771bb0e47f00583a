/**
 * Access: who may use Trailkeeper and in which role. Accounts live in the database with PBKDF2
 * password hashes; the first administrator comes from configuration or a one-time password printed at
 * first start. The web tier's authentication mechanism asks this component to verify credentials.
 */
package io.trailkeeper.access;
