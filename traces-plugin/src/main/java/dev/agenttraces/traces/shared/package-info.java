/**
 * What every capability's application layer may throw or declare: Rejection, a refusal with its HTTP status
 * and the field it names; StorableUnicode, the rule for text the database can store; and RunLog, the port of a
 * log of background runs of which one runs at a time across servers; RecentEntries, the bounded map every
 * server keeps of what it derived from the traces being looked at; BatchRetry, how such a run retries one of its
 * batches; UtcInstants, the fast UTC instant text of the ingest path; UtcDays, the rollups' whole-day rule. No
 * dependencies.
 */
package dev.agenttraces.traces.shared;
