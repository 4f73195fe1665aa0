package dev.agenttraces.taskboard.host.infrastructure;

import dev.agenttraces.taskboard.model.demo.DemoDataRule;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Keeps demo accounts and real data apart, at every start. Demo accounts have published passwords
 * (README), so with demo mode off they are disabled: their hash is replaced by a value that never
 * verifies (and the identity store refuses demo accounts anyway). With demo mode on, the server refuses
 * to start on a database that holds anything but demo data, because demo mode would hand anyone who
 * read the README an admin login to it ({@link DemoDataRule}, which the plugin's demo ingest token follows too).
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class DemoModeGuard {

    /** Not a PBKDF2 hash, so no password matches it. */
    public static final String DISABLED_HASH = "!demo-account-disabled";

    private static final Logger LOG = Logger.getLogger(DemoModeGuard.class.getName());

    @Inject
    @ConfigProperty(name = "taskboard.demo-data.enabled", defaultValue = "false")
    boolean demoMode;

    /**
     * Only for a test harness that runs demo mode beside other suites' data in one database; a real
     * deployment never turns this off.
     */
    @Inject
    @ConfigProperty(name = "taskboard.demo-data.refuse-real-data", defaultValue = "true")
    boolean refuseRealData;

    @PersistenceContext(unitName = "taskboard")
    EntityManager em;

    @PostConstruct
    void check() {
        if (demoMode && refuseRealData) {
            refuseRealData();
        } else if (demoMode) {
            LOG.warning("Demo mode runs on a database that may hold real data (taskboard.demo-data.refuse-real-data=false)");
        } else {
            disableDemoAccounts();
        }
    }

    private void disableDemoAccounts() {
        int disabled = em.createQuery("update User u set u.passwordHash = :off where u.demo = true and u.passwordHash <> :off")
                .setParameter("off", DISABLED_HASH)
                .executeUpdate();
        if (disabled > 0) {
            LOG.warning(() -> "Demo mode is off: disabled " + disabled + " demo account(s); they cannot sign in");
        }
    }

    private void refuseRealData() {
        DemoDataRule data = new DemoDataRule(count("select count(u) from User u where u.demo = false"),
                count("select count(u) from User u where u.demo = true"), count("select count(b) from Board b"));
        if (data.holdsRealData()) {
            String reason = "Demo mode (taskboard.demo-data.enabled=true) refuses to run on a database with"
                    + " non-demo data (" + data.nonDemoUsers() + " non-demo user(s), " + data.boards() + " board(s)): demo"
                    + " accounts have published passwords. Use an empty database for the demo, or turn demo mode off.";
            LOG.severe(reason);
            throw new IllegalStateException(reason);
        }
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }
}
