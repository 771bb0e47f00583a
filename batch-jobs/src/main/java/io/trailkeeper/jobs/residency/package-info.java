/** The batch job {@code residency-check} and the bean that starts it. */
package io.trailkeeper.jobs.residency;
