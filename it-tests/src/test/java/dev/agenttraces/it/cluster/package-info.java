/**
 * More than one server (issue 13): two Payara Micro servers clustered with Payara's own Hazelcast on one
 * PostgreSQL ({@code ClusterMembers}), and what {@code TwoServersIT} proves of them.
 */
package dev.agenttraces.it.cluster;
