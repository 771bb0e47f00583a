/**
 * Web platform: how the REST API and the pages behave as a whole. Errors are
 * {@code application/problem+json} (RFC 9457) without stack traces, request bodies have explicit
 * size limits, role checks run before every API operation, and health checks report the database.
 */
package io.trailkeeper.web.platform;
