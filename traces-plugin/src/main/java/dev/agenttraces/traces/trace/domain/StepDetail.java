package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;

/**
 * An expanded step; a tool result's output is cut at the limit asked for and its full length kept.
 *
 * @param messages   an LLM call's conversation, a JSON array of {role, content}; null for other steps
 * @param toolCallId a tool call's id as the model gave it; null when none was sent
 */
public record StepDetail(int seq, StepType type, String content, String toolName, String toolInput,
                         String toolOutput, int toolOutputLength, String model, String messages,
                         String toolCallId) implements Serializable {

    /** Characters of text past which reasoning starts collapsed behind "show more". */
    public static final int LONG_TEXT = 600;

    public boolean isOutputTruncated() {
        return toolOutput != null && toolOutput.length() < toolOutputLength;
    }

    public boolean isLongText() {
        return content != null && content.length() > LONG_TEXT;
    }
}
