package dev.agenttraces.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs once per test JVM, before any test class (and so before Arquillian deploys anything): gives the
 * suites a clean database with the host's schema, and stops the shared server at the end. A benchmark that
 * measures an existing data set (the 20M-step scale set takes a quarter of an hour to generate) keeps the
 * database as it is with {@code -Dit.db.keep=true}.
 */
public class SuiteSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("it.db.keep")) {
            TestDatabase.resetWithHostSchema();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TaskboardServer.stopIfRunning();
    }
}
