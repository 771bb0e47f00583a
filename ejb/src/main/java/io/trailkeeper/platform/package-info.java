/**
 * Platform: what every business component stands on but none owns. It chooses the database from
 * configuration (embedded H2 by default, PostgreSQL in production), applies the versioned schema
 * migrations before anything touches the tables, and gives the application one clock. It holds no
 * compliance rules of its own.
 */
package io.trailkeeper.platform;
