/**
 * Runs as data: what a simulated agent does on a task (steps, tokens, messages, timing), written before
 * anything is sent so either transport can carry it and the generator can be unit-tested.
 */
package dev.agenttraces.demo.agents.scenario;
