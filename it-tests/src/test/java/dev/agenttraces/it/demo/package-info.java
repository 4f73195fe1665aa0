/**
 * The demo's simulated agents against a real server, checked through the plugin's read API.
 */
package dev.agenttraces.it.demo;
