/**
 * More than one server (issue 13): two Payara Micro servers clustered with Payara's own Hazelcast on one
 * PostgreSQL ({@code ClusterMembers}), and what {@code TwoServersIT} proves of them: the same traces ingested on
 * both at once, exactly ({@code SharedIngest}); a retention run and a recompute asked of both, run once
 * ({@code AdminClicks} makes the admin's clicks); a signed-in reviewer who goes on on the other server when theirs dies.
 */
package dev.agenttraces.it.cluster;
