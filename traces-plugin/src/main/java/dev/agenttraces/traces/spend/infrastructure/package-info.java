/**
 * SpendRepository in JPQL, with one native query for the ranking (a window function picks each
 * task's top trace).
 */
package dev.agenttraces.traces.spend.infrastructure;
