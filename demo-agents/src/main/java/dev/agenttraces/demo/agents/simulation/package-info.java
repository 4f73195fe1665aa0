/**
 * The simulation over time: the seed burst of finished traces, the live agent workers, new tasks
 * arriving, and the settings that shape them.
 */
package dev.agenttraces.demo.agents.simulation;
