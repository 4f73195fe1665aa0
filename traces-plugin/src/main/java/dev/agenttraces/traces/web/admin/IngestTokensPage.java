package dev.agenttraces.traces.web.admin;

import dev.agenttraces.traces.access.application.ViewerAccess;

import dev.agenttraces.traces.ingest.application.IngestTokens;
import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.ingest.domain.IngestToken;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.agenttraces.traces.web.admin.AdminPages.message;


/**
 * The admin screen for ingest tokens: create one bound to agents and boards (its value is shown once,
 * then only its hash exists), list them, revoke them. Only admins may use it, re-checked from the shared
 * tables on every action (ViewerAccess is asked per request, never cached in the view).
 */
@Named
@ViewScoped
public class IngestTokensPage implements Serializable {

    @Inject
    IngestTokens tokens;

    @Inject
    ViewerAccess access;

    private List<IngestToken> list = List.of();
    private Map<Long, String> agents = Map.of();
    private String name;
    private boolean allAgents;
    private List<Long> selectedAgents = new ArrayList<>();
    private Map<Long, String> boards = Map.of();
    private boolean allBoards;
    private List<Long> selectedBoards = new ArrayList<>();
    private boolean assignedTasksOnly;
    private String createdToken;

    @PostConstruct
    void load() {
        if (access.isAdmin()) {
            refresh();
        }
    }

    private void refresh() {
        list = tokens.list();
        agents = tokens.agents();
        boards = tokens.boards();
    }

    public void create() {
        if (!access.isAdmin()) {
            return;
        }
        try {
            createdToken = tokens.create(new IngestTokens.Request(name, allAgents, selectedAgents, allBoards,
                    selectedBoards, assignedTasksOnly), access.username());
            message(FacesMessage.SEVERITY_INFO, "Token \"" + name + "\" created. Copy it now: it is not shown again.");
            name = null;
            allAgents = false;
            selectedAgents = new ArrayList<>();
            allBoards = false;
            selectedBoards = new ArrayList<>();
            assignedTasksOnly = false;
            refresh();
        } catch (Rejection e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
    }

    public void revoke(long id) {
        if (!access.isAdmin()) {
            return;
        }
        tokens.revoke(id);
        createdToken = null;
        message(FacesMessage.SEVERITY_INFO, "Token revoked: agents using it can no longer write.");
        refresh();
    }

    public boolean isAdmin() {
        return access.isAdmin();
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

    public Map<Long, String> getBoards() {
        return boards;
    }

    public boolean isAllBoards() {
        return allBoards;
    }

    public void setAllBoards(boolean allBoards) {
        this.allBoards = allBoards;
    }

    public List<Long> getSelectedBoards() {
        return selectedBoards;
    }

    public void setSelectedBoards(List<Long> selectedBoards) {
        this.selectedBoards = selectedBoards;
    }

    public boolean isAssignedTasksOnly() {
        return assignedTasksOnly;
    }

    public void setAssignedTasksOnly(boolean assignedTasksOnly) {
        this.assignedTasksOnly = assignedTasksOnly;
    }

    public String getCreatedToken() {
        return createdToken;
    }
}
