/**
 * Retention (issue 13): the admin page's preview and "Run now", and what a run leaves behind (RetentionIT);
 * the rows of every table that holds a trace id (RetentionRows). May use the suites' support classes.
 */
package dev.agenttraces.it.retention;
