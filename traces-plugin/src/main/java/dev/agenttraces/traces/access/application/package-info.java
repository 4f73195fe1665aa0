/**
 * ViewerAccess, the one place pages and APIs ask whether the request is signed in, admin, and
 * which boards it may see. Uses access.domain and shared only.
 */
package dev.agenttraces.traces.access.application;
