package dev.agenttraces.traces.review.infrastructure;

import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.review.domain.ReviewRepository;
import dev.agenttraces.traces.review.domain.TaskBrief;
import dev.agenttraces.traces.review.domain.ToolUse;
import dev.agenttraces.traces.trace.domain.StepType;
import dev.agenttraces.traces.trace.infrastructure.StepPartitionKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ReviewRepository} in JPQL over the shared entities and the trace store. */
@ApplicationScoped
public class JpaReviewRepository implements ReviewRepository {

    /** Characters of system instructions a summary shows. */
    static final int INSTRUCTION_CHARS = 4000;

    private static final String STEPS = StepPartitionKey.STEPS;

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    @Override
    public Optional<TaskBrief> brief(long taskId, BoardScope scope) {
        return em.createQuery("select new " + TaskBrief.class.getName() + "(k.id, k.board.id, k.title, k.description,"
                        + " k.status, k.output, a.id) from Task k left join k.assignee a where k.id = :id and "
                        + scope.condition("k.board.id"), TaskBrief.class)
                .setParameter("id", taskId).getResultStream().findFirst();
    }

    @Override
    public List<BigDecimal> similarTaskCosts(long agentId, long boardId, long exceptTaskId, int limit) {
        return em.createQuery("select sum(t.costUsd) from Trace t join t.task k where t.agent.id = :agent"
                        + " and k.board.id = :board and k.id <> :task group by k.id order by max(t.startedAt) desc", BigDecimal.class)
                .setParameter("agent", agentId).setParameter("board", boardId).setParameter("task", exceptTaskId)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<String> systemInstructions(UUID trace) {
        Instant created = StepPartitionKey.of(em, trace);
        Optional<String> system = em.createQuery("select substring(s.content, 1, " + INSTRUCTION_CHARS + ")" + STEPS
                        + " and s.type = :type and s.content is not null order by s.seq", String.class)
                .setParameter("trace", trace).setParameter("created", created).setParameter("type", StepType.SYSTEM)
                .setMaxResults(1).getResultStream().findFirst();
        if (system.isPresent()) {
            return system;
        }
        return em.createQuery("select s.messages" + STEPS + " and s.type = :type and s.messages is not null order by s.seq",
                        String.class)
                .setParameter("trace", trace).setParameter("created", created).setParameter("type", StepType.LLM_CALL)
                .setMaxResults(1).getResultStream().findFirst().flatMap(JpaReviewRepository::systemMessage);
    }

    /** The first {@code system} message of a conversation (a JSON array of {role, content}). */
    static Optional<String> systemMessage(String messages) {
        try (var reader = Json.createReader(new StringReader(messages))) {
            JsonArray array = reader.readArray();
            for (JsonValue v : array) {
                if (v instanceof JsonObject o && "system".equals(o.getString("role", null))
                        && o.get("content") != null) {
                    JsonValue c = o.get("content");
                    String text = c.getValueType() == JsonValue.ValueType.STRING ? o.getString("content") : c.toString();
                    return Optional.of(text.length() > INSTRUCTION_CHARS ? text.substring(0, INSTRUCTION_CHARS) : text);
                }
            }
        } catch (JsonException | ClassCastException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public List<ToolUse> toolUses(UUID trace) {
        return StepPartitionKey.query(em, "select new " + ToolUse.class.getName() + "(s.toolName, count(s))" + STEPS
                        + " and s.type = :type and s.toolName is not null group by s.toolName"
                        + " order by count(s) desc, s.toolName", ToolUse.class, trace)
                .setParameter("type", StepType.TOOL_CALL).setMaxResults(20).getResultList();
    }
}
