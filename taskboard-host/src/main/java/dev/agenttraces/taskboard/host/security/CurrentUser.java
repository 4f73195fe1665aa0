package dev.agenttraces.taskboard.host.security;

import dev.agenttraces.taskboard.model.Role;
import dev.agenttraces.taskboard.model.User;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is asking, with roles read from the shared tables rather than the container's role mapping: the
 * same rows drive the plugin's view of a user, so both applications agree on every decision, and
 * nothing depends on how a particular server maps groups to roles.
 */
@Named
@RequestScoped
public class CurrentUser {

    /**
     * The servlet request's principal rather than Jakarta Security's SecurityContext: the latter fails
     * while the container forwards to an error page (no policy context there), and error pages use
     * the template, which asks who is signed in.
     */
    @Inject
    HttpServletRequest request;

    @PersistenceContext(unitName = "taskboard")
    EntityManager em;

    private String username;
    private String displayName;
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @PostConstruct
    void load() {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return;
        }
        username = principal.getName();
        em.createQuery("select u from User u where u.username = :u", User.class)
                .setParameter("u", username)
                .getResultStream()
                .findFirst()
                .ifPresent(u -> {
                    displayName = u.getDisplayName() == null ? u.getUsername() : u.getDisplayName();
                    roles = EnumSet.copyOf(u.getRoles().isEmpty() ? EnumSet.of(Role.VIEWER) : u.getRoles());
                });
    }

    public boolean isSignedIn() {
        return username != null;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName == null ? username : displayName;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    /** Admins see every board and manage agents and budgets. */
    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Reviewers (and admins) approve or reject work on the boards they can see. */
    public boolean isReviewer() {
        return roles.contains(Role.REVIEWER) || isAdmin();
    }

    /** Whether this user may see the board: admins see all, everyone else only boards they belong to. */
    public boolean canSeeBoard(long boardId) {
        if (isAdmin()) {
            return true;
        }
        return username != null && em.createQuery(
                        "select count(b) from Board b join b.members m where b.id = :b and m.username = :u", Long.class)
                .setParameter("b", boardId)
                .setParameter("u", username)
                .getSingleResult() > 0;
    }
}
