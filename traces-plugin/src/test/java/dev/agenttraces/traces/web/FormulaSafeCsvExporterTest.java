package dev.agenttraces.traces.web;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaSafeCsvExporterTest {

    @Test
    void formulaCellsAreNeutralised() {
        Map<String, String> exported = Map.of(
                "=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")",
                "+1+1", "'+1+1",
                "-2+3", "'-2+3",
                "@SUM(A1)", "'@SUM(A1)",
                "\t=1", "'\t=1",
                "\r=1", "'\r=1",
                "Fix the build", "Fix the build",
                "a=b", "a=b");
        exported.forEach((cell, expected) -> assertThat(FormulaSafeCsvExporter.neutralise(cell)).isEqualTo(expected));
    }

    @Test
    void emptyCellsStayEmpty() {
        assertThat(FormulaSafeCsvExporter.neutralise("")).isEmpty();
        assertThat(FormulaSafeCsvExporter.neutralise(null)).isNull();
    }
}
