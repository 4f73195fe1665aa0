package dev.agenttraces.it.security;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TraceFixtures;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, finding 10f, end to end: the agent tab's CSV export (its "CSV" button, a non-AJAX Faces postback
 * that answers the file) neutralises a task title an agent or user chose to be a spreadsheet formula.
 */
class CsvExportIT {

    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    @Test
    void aFormulaTaskTitleIsExportedAsText() throws Exception {
        String base = TaskboardServer.start();
        long board = Fixtures.board(Fixtures.unique("CSV board"));
        long agent = Fixtures.agent(Fixtures.unique("CSV agent"), "gpt-4o", "openai");
        long task = Fixtures.reviewedTask(board, agent, FORMULA, "done");
        TraceFixtures.trace(task, agent, "COMPLETED", "gpt-4o", Instant.now().minusSeconds(60));
        String admin = HostileCases.MARKER + "csv-admin";
        Users.ensure(admin, "ADMIN");

        FacesForm tab = new FacesForm();
        HttpResponse<String> page = tab.open(HostTokens.signedUrl(base, admin, Set.of("ADMIN"), "/traces/agent-tab.xhtml?agent=" + agent));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as("the CSV button").contains("id=\"f:export\"");

        HttpResponse<String> csv = tab.submit("f", Map.of("f:export", ""));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("agent-traces"));
        List<String> lines = Arrays.asList(csv.body().replace("\uFEFF", "").split("\r?\n"));
        assertThat(lines.get(0)).as("the header row").startsWith("\"Task\"");
        assertThat(lines).as(csv.body()).hasSize(2);
        String cell = "\"" + ("'" + FORMULA).replace("\"", "\"\"") + "\"";
        assertThat(lines.get(1)).as("the task cell starts with '=, so a spreadsheet shows it as text").startsWith(cell + ",");
    }
}
