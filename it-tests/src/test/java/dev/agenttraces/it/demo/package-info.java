/**
 * The demo as a new user meets it: bin/demo itself in a browser (DemoBrowserIT, its own port it.server.port + 6),
 * and its simulated agents against a real server, checked through the plugin's read API and the database
 * (DemoAgentsIT, port it.server.port + 7).
 */
package dev.agenttraces.it.demo;
