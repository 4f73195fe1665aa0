package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.domain.RedactionPattern;
import dev.agenttraces.traces.ingest.domain.RedactionRules;
import dev.agenttraces.traces.ingest.domain.Redactor;
import dev.agenttraces.traces.ingest.domain.StepBatch;
import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.domain.TraceRoot;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one place ingest masks secrets: {@link #step(StepInput)} masks every untrusted text field of a step
 * (content, tool name, tool input, tool output, conversation) before it is hashed or stored, and counts what it
 * masked on the step. The JSON API's batches ({@link #batch}) and OTLP's span plans ({@link #plan}) both go
 * through it, as do the error texts of a finished trace ({@link #text}). Patterns come from MicroProfile Config
 * (README, "Redaction"): {@code agent.traces.redaction.enabled}, {@code .disabled-defaults}, {@code .patterns}.
 */
@ApplicationScoped
public class StepRedaction {

    private static final Logger LOG = Logger.getLogger(StepRedaction.class.getName());

    @Inject
    @ConfigProperty(name = "agent.traces.redaction.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "agent.traces.redaction.disabled-defaults")
    Optional<String> disabledDefaults;

    @Inject
    @ConfigProperty(name = "agent.traces.redaction.patterns")
    Optional<String> extraPatterns;

    private Redactor redactor = Redactor.NONE;
    private List<String> problems = List.of();

    @PostConstruct
    void build() {
        RedactionRules.Built built = RedactionRules.build(enabled, disabledDefaults.orElse(""), extraPatterns.orElse(""));
        redactor = built.redactor();
        problems = built.problems();
        problems.forEach(LOG::warning);
    }

    /** A redaction over the given redactor, for tests and tools outside the container. */
    public static StepRedaction of(Redactor redactor) {
        StepRedaction r = new StepRedaction();
        r.redactor = redactor;
        return r;
    }

    /** The patterns that run, in order (empty when redaction is off). */
    public List<RedactionPattern> patterns() {
        return redactor.patterns();
    }

    /** Configuration entries that could not be used (logged at start). */
    public List<String> problems() {
        return problems;
    }

    /** The step with its text masked; the same instance when nothing was masked. */
    public StepInput step(StepInput step) {
        if (!redactor.isActive()) {
            return step;
        }
        Redactor.Result content = redactor.redact(step.content());
        Redactor.Result toolName = redactor.redact(step.toolName());
        Redactor.Result toolInput = redactor.redact(step.toolInput());
        Redactor.Result toolOutput = redactor.redact(step.toolOutput());
        Redactor.Result messages = redactor.redact(step.messages());
        int masked = content.count() + toolName.count() + toolInput.count() + toolOutput.count() + messages.count();
        if (masked == 0) {
            return step;
        }
        return step.withText(content.text(), toolName.text(), toolInput.text(), toolOutput.text(), messages.text(),
                step.redactions() + masked);
    }

    /** Free text outside a step (a trace's error message): masked, without a count. */
    public String text(String text) {
        return redactor.redact(text).text();
    }

    /** An OTLP root span's trace fields with its error text masked. */
    public TraceRoot root(TraceRoot root) {
        String error = text(root.errorMessage());
        return error == null || error.equals(root.errorMessage()) ? root : new TraceRoot(root.taskId(), root.agentId(),
                root.model(), root.provider(), root.startedAt(), root.completedAt(), root.status(), error);
    }

    /** The JSON API's batch with every valid step masked. */
    public StepBatch batch(StepBatch batch) {
        if (!redactor.isActive()) {
            return batch;
        }
        List<StepBatch.Item> items = new ArrayList<>(batch.items().size());
        for (StepBatch.Item item : batch.items()) {
            items.add(item.step() == null ? item : StepBatch.Item.valid(item.index(), step(item.step())));
        }
        return new StepBatch(items);
    }

    /** An OTLP span's planned steps masked, and its hash taken again over the masked steps. */
    public SpanSteps.Plan plan(SpanSteps.Plan plan) {
        if (!redactor.isActive() || plan.isEmpty()) {
            return plan;
        }
        List<StepInput> steps = plan.steps().stream().map(this::step).toList();
        return SpanSteps.plan(steps);
    }
}
