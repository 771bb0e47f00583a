/**
 * Retention: how long the trail keeps each kind of record, and what stops it from going. Every event
 * belongs to one record class (conversation log, tool-call log, agent memory, security/audit log,
 * authentication, authorization, data access, error log, or the default class for events no rule
 * claims), decided by classification rules officers read and edit. A retention policy per class
 * (optionally narrowed to sources or agents) sets a period and what expiry does; frameworks switched
 * on (HIPAA, SOC 2) raise floors no policy can undercut; overlapping policies are reported with the
 * one that wins; legal holds and open data-subject requests ({@code OpenSubjectRequests}) hold
 * records back. The dry run counts, in SQL, what each policy would delete as of an instant and what
 * is held back by which hold or floor. Storage limitation is the ground (GDPR Art. 5(1)(e)); every
 * change is recorded with who, when, old and new values and why (GDPR Art. 5(2)). Deleting goes
 * through {@code trail}'s {@code EventDeletion}, never around it.
 */
package io.trailkeeper.retention;
