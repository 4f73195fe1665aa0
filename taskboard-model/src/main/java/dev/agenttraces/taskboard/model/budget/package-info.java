/**
 * Budget facts that the host and the plugin must agree on: the budget period an instant falls in and
 * the rule that says whether spend is within budget, past its warning threshold or exhausted. Plain
 * Java with no dependencies, so either side can use it without the other.
 */
package dev.agenttraces.taskboard.model.budget;
