package dev.agenttraces.taskboard.host.contract;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * "Retry" on a plugin placeholder: a fresh frame URL (tokens expire after two minutes, so the old one
 * cannot simply be reloaded). The same access rule as the page applies: a task's context is only
 * handed out to members of its board.
 */
@WebServlet("/plugins/frame-url")
public class FrameUrlServlet extends HttpServlet {

    @Inject
    transient PluginExtensions extensions;

    @PersistenceContext(unitName = "taskboard")
    transient EntityManager em;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        if (req.getUserPrincipal() == null) {
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in first");
            return;
        }
        String point = req.getParameter("point");
        String key = req.getParameter("key");
        Extension extension = point == null ? null : extensions.forPoint(point).stream()
                .filter(e -> e.key().equals(key)).findFirst().orElse(null);
        String task = req.getParameter("task");
        if (extension == null || (task != null && !canSeeTask(req, task))) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "No such extension or context");
            return;
        }
        String url = extensions.frameUrl(extension, task, req.getParameter("board"), req.getParameter("agent"));
        resp.getWriter().write(Json.createObjectBuilder()
                .add("url", url == null ? "" : url)
                .add("available", extensions.isAvailable(extension))
                .build().toString());
    }

    private boolean canSeeTask(HttpServletRequest req, String taskId) {
        try {
            long id = Long.parseLong(taskId);
            String jpql = req.isUserInRole("ADMIN")
                    ? "select count(t) from Task t where t.id = :id and :u is not null"
                    : "select count(t) from Task t join t.board b join b.members m where t.id = :id and m.username = :u";
            return em.createQuery(jpql, Long.class).setParameter("id", id)
                    .setParameter("u", req.getUserPrincipal().getName()).getSingleResult() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
