package dev.agenttraces.taskboard.model.demo;

import java.util.Optional;

/**
 * Whether a database may receive demo credentials. Demo accounts and the demo ingest token have published
 * values (README), so they belong only in a database that holds nothing but demo data: no user that is not
 * flagged demo, and no boards without demo users (boards of a real deployment whose users were removed).
 * The host's {@code DemoModeGuard} refuses to start demo mode on such a database; the plugin's demo ingest
 * token is skipped on it.
 *
 * @param nonDemoUsers users not flagged demo ({@code app_user.demo = false})
 * @param demoUsers    users flagged demo
 * @param boards       boards of any kind
 */
public record DemoDataRule(long nonDemoUsers, long demoUsers, long boards) {

    /** Whether the database holds anything but demo data. */
    public boolean holdsRealData() {
        return nonDemoUsers > 0 || (boards > 0 && demoUsers == 0);
    }

    /** Why demo credentials are refused here (what the database holds), or empty when they may be added. */
    public Optional<String> refusal() {
        if (!holdsRealData()) {
            return Optional.empty();
        }
        return Optional.of("the database holds non-demo data (" + nonDemoUsers + " non-demo user(s), " + boards
                + " board(s)), and demo credentials have published values");
    }
}
