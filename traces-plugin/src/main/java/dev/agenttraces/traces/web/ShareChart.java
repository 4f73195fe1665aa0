package dev.agenttraces.traces.web;

import dev.agenttraces.traces.insight.domain.CostShare;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.math.RoundingMode;
import java.util.List;

/**
 * The Chart.js configuration of a cost share: one horizontal bar per bucket, in percent of the trace's cost.
 * Built with JSON-P, since the labels are tool and model names an agent chose (untrusted text).
 */
final class ShareChart {

    /** Buckets shown; the rest are summed into "other". */
    static final int MAX_BARS = 8;

    private ShareChart() {
    }

    static String json(List<CostShare> shares) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        java.math.BigDecimal other = java.math.BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            CostShare s = shares.get(i);
            if (i < MAX_BARS) {
                labels.add(s.key().length() > 40 ? s.key().substring(0, 40) + "…" : s.key());
                values.add(s.share().movePointRight(2).setScale(1, RoundingMode.HALF_UP));
            } else {
                other = other.add(s.share());
            }
        }
        if (other.signum() > 0) {
            labels.add("other");
            values.add(other.movePointRight(2).setScale(1, RoundingMode.HALF_UP));
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", "% of cost").add("backgroundColor", "#6366f1")
                                .add("data", values))))
                .add("options", Json.createObjectBuilder().add("indexAxis", "y").add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder().add("x", Json.createObjectBuilder().add("beginAtZero", true)
                                .add("max", 100))))
                .build().toString();
    }
}
