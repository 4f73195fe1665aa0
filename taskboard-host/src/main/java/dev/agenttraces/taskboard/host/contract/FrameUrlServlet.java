package dev.agenttraces.taskboard.host.contract;

import dev.agenttraces.taskboard.host.security.CurrentUser;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * "Retry" on a plugin placeholder: a fresh frame URL (tokens expire after two minutes, so the old one
 * cannot simply be reloaded). The same access rules as the pages apply to every context value before
 * the host signs it ({@link FrameContext}): a task's context is only handed out to members of its board,
 * a board's only to its members, an agent's only if the agent exists. A refusal is an RFC 9457
 * {@code application/problem+json} naming the parameter it refuses in {@code field}, as the plugin's API does.
 */
@WebServlet("/plugins/frame-url")
public class FrameUrlServlet extends HttpServlet {

    @Inject
    transient PluginExtensions extensions;

    @Inject
    transient CurrentUser user;

    @PersistenceContext(unitName = "taskboard")
    transient EntityManager em;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        if (req.getUserPrincipal() == null) {
            problem(resp, new FrameContext.Refusal(HttpServletResponse.SC_UNAUTHORIZED, null, "Sign in first"));
            return;
        }
        String point = req.getParameter("point");
        String key = req.getParameter("key");
        Extension extension = point == null ? null : extensions.forPoint(point).stream()
                .filter(e -> e.key().equals(key)).findFirst().orElse(null);
        if (extension == null) {
            boolean knownPoint = point != null && !extensions.forPoint(point).isEmpty();
            problem(resp, new FrameContext.Refusal(HttpServletResponse.SC_NOT_FOUND, knownPoint ? "key" : "point",
                    "No such extension"));
            return;
        }
        String task = req.getParameter("task");
        String board = req.getParameter("board");
        String agent = req.getParameter("agent");
        Optional<FrameContext.Refusal> refusal = FrameContext.check(task, board, agent, new DatabaseLookup());
        if (refusal.isPresent()) {
            problem(resp, refusal.get());
            return;
        }
        resp.setContentType("application/json");
        String url = extensions.frameUrl(extension, task, board, agent);
        resp.getWriter().write(Json.createObjectBuilder()
                .add("url", url == null ? "" : url)
                .add("available", extensions.isAvailable(extension))
                .build().toString());
    }

    /** An RFC 9457 problem: {type, title, status, detail, field} (field left out when no parameter is at fault). */
    private static void problem(HttpServletResponse resp, FrameContext.Refusal refusal) throws IOException {
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", switch (refusal.status()) {
                    case 400 -> "Bad Request";
                    case 401 -> "Unauthorized";
                    case 403 -> "Forbidden";
                    default -> "Not Found";
                })
                .add("status", refusal.status())
                .add("detail", refusal.message());
        if (refusal.field() != null) {
            problem.add("field", refusal.field());
        }
        resp.setStatus(refusal.status());
        resp.setContentType("application/problem+json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(problem.build().toString());
    }

    /** The shared tables, with board visibility as {@link CurrentUser} decides it for pages. */
    private final class DatabaseLookup implements FrameContext.Lookup {
        @Override
        public OptionalLong boardOfTask(long taskId) {
            return em.createQuery("select t.board.id from Task t where t.id = :id", Long.class)
                    .setParameter("id", taskId).getResultStream().mapToLong(Long::longValue).findFirst();
        }

        @Override
        public boolean boardExists(long boardId) {
            return exists("select count(b) from Board b where b.id = :id", boardId);
        }

        @Override
        public boolean canSeeBoard(long boardId) {
            return user.canSeeBoard(boardId);
        }

        @Override
        public boolean agentExists(long agentId) {
            return exists("select count(a) from Agent a where a.id = :id", agentId);
        }

        private boolean exists(String jpql, long id) {
            return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult() > 0;
        }
    }
}
