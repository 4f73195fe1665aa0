package dev.agenttraces.traces.ingest.interfaces.web;

import dev.agenttraces.traces.hostcontract.Viewer;
import dev.agenttraces.traces.ingest.application.IngestTokens;
import dev.agenttraces.traces.ingest.application.Rejection;
import dev.agenttraces.traces.ingest.domain.IngestToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The admin screen for ingest tokens: create one bound to agents (its value is shown once, then only
 * its hash exists), list them, revoke them. Only admins, as the host vouches for them, may use it.
 */
@Named
@ViewScoped
public class IngestTokensPage implements Serializable {

    @Inject
    transient IngestTokens tokens;

    @Inject
    transient Instance<Viewer> viewers;

    private boolean admin;
    private String username;
    private List<IngestToken> list = List.of();
    private Map<Long, String> agents = Map.of();
    private String name;
    private boolean allAgents;
    private List<Long> selectedAgents = new ArrayList<>();
    private String createdToken;

    @PostConstruct
    void load() {
        try {
            Viewer viewer = viewers.isResolvable() ? viewers.get() : null;
            admin = viewer != null && viewer.isAdmin();
            username = viewer != null ? viewer.username() : null;
        } catch (RuntimeException e) {
            admin = false; // no valid host token: not signed in
        }
        if (admin) {
            refresh();
        }
    }

    private void refresh() {
        list = tokens.list();
        agents = tokens.agents();
    }

    public void create() {
        if (!admin) {
            return;
        }
        try {
            createdToken = tokens.create(name, allAgents, selectedAgents, username);
            message(FacesMessage.SEVERITY_INFO, "Token \"" + name + "\" created. Copy it now: it is not shown again.");
            name = null;
            allAgents = false;
            selectedAgents = new ArrayList<>();
            refresh();
        } catch (Rejection e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
    }

    public void revoke(long id) {
        if (!admin) {
            return;
        }
        tokens.revoke(id);
        createdToken = null;
        message(FacesMessage.SEVERITY_INFO, "Token revoked: agents using it can no longer write.");
        refresh();
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public boolean isAdmin() {
        return admin;
    }

    public List<IngestToken> getTokens() {
        return list;
    }

    public Map<Long, String> getAgents() {
        return agents;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isAllAgents() {
        return allAgents;
    }

    public void setAllAgents(boolean allAgents) {
        this.allAgents = allAgents;
    }

    public List<Long> getSelectedAgents() {
        return selectedAgents;
    }

    public void setSelectedAgents(List<Long> selectedAgents) {
        this.selectedAgents = selectedAgents;
    }

    public String getCreatedToken() {
        return createdToken;
    }
}
