package dev.agenttraces.traces.review.domain;

/** What a reviewer says of a step, with the words a person reads. */
public enum AnnotationLabel {
    WRONG_ASSUMPTION("wrong assumption"),
    WASTED_CALL("wasted call"),
    RISKY("risky"),
    UNCLEAR("unclear"),
    GOOD("good");

    private final String label;

    AnnotationLabel(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
