/**
 * Durability scenarios of issue 13, each checked in the database afterwards: a retry storm of 64 agents at once
 * on the suites' server ({@code SixtyFourAgentsIT}), and, on servers of their own, kill -9 of Payara Micro during
 * a retry storm followed by a restart ({@code CrashIT}) and the database taken away during ingest and given back,
 * as a restart does, through a TCP relay ({@code DatabaseRestartIT}). {@code RetryStorm} plans the storms and
 * holds the checks they share.
 */
package dev.agenttraces.it.durability;
