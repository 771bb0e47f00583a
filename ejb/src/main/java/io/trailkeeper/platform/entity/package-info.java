/**
 * Persistence mapping every component's entities share: the JPA attribute converters
 * ({@link io.trailkeeper.platform.entity.UtcInstantConverter} applied to every {@code Instant},
 * {@link io.trailkeeper.platform.entity.NullableUuidConverter} named by the UUID columns that may be
 * null). Here rather than in {@code platform.control} so that entities need no control package.
 */
package io.trailkeeper.platform.entity;
