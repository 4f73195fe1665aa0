package dev.agenttraces.traces.web;

import dev.agenttraces.traces.insight.domain.CostShare;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShareChartTest {

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aToolNameCannotBreakOutOfTheChartConfiguration() {
        String hostile = "x\"}],\"options\":{\"onClick\":\"alert(1)\"}//";
        JsonObject chart = parse(ShareChart.json(List.of(new CostShare(hostile, BigDecimal.ONE, BigDecimal.ONE.setScale(4)))));
        assertThat(chart.getJsonObject("data").getJsonArray("labels").getString(0)).startsWith("x\"}]");
        assertThat(chart.getJsonObject("options").containsKey("onClick")).isFalse();
        assertThat(chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data")
                .getJsonNumber(0).doubleValue()).isEqualTo(100.0);
    }

    @Test
    void bucketsBeyondTheBarsAreSummedIntoOther() {
        List<CostShare> shares = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            shares.add(new CostShare("tool" + i, BigDecimal.ONE, new BigDecimal("0.1000")));
        }
        JsonObject chart = parse(ShareChart.json(shares));
        assertThat(chart.getJsonObject("data").getJsonArray("labels")).hasSize(ShareChart.MAX_BARS + 1);
        assertThat(chart.getJsonObject("data").getJsonArray("labels").getString(ShareChart.MAX_BARS)).isEqualTo("other");
        assertThat(chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data")
                .getJsonNumber(ShareChart.MAX_BARS).doubleValue()).isEqualTo(20.0);
    }
}
