/**
 * Recovery of batch jobs that a server crash interrupted. When the server JVM dies mid-job (kill -9,
 * power loss, out of memory), Payara's batch runtime never records the end of the execution: it stays
 * STARTED in the job repository forever, is shown as running and is refused by abandon. At start-up
 * this component marks such executions of Trailkeeper's jobs FAILED (only those created before this
 * JVM started, which therefore cannot be running) so that they can be restarted from their last
 * checkpoint, and by default resumes interrupted imports at once. Only execution ids are logged.
 */
package io.trailkeeper.jobs.recovery;
