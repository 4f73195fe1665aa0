/**
 * The large data set of issue 13 and the benchmark that reads it ({@code ScaleBenchmarkIT}, profile
 * {@code bench-scale}): generated in PostgreSQL with server-side {@code generate_series}, so loading a million
 * traces needs no client round trips. May use the suites' support classes.
 */
package dev.agenttraces.it.scale;
