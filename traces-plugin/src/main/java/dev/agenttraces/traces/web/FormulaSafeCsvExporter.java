package dev.agenttraces.traces.web;

import org.primefaces.component.datatable.DataTable;
import org.primefaces.component.datatable.export.DataTableCSVExporter;
import org.primefaces.component.export.DataExporters;

/**
 * The agent tab's CSV export with formula cells neutralised (OWASP "CSV injection"): a cell that begins
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with {@code '}, so a
 * spreadsheet shows it as text instead of evaluating it. Task titles and error messages in the export come
 * from agents and users; before, a title such as {@code =HYPERLINK(…)} ran as a formula on the reader's machine.
 *
 * <p>PrimeFaces 15 picks an exporter by target class and type from its registry ({@code DataExporters});
 * {@code p:dataExporter} has no attribute for an exporter object, and an unknown attribute is silently ignored,
 * which is how the agent tab once exported formula cells as they were. So a page names its type as
 * {@code type="#{agentTab.csvType}"}: {@link #type()} registers this class as every data table's {@code csv}
 * exporter before the exporter is looked up (PrimeFaces' registry needs a running request, so not at deployment).
 */
public class FormulaSafeCsvExporter extends DataTableCSVExporter {

    private static boolean registered;

    /** {@code "csv"}, with this class registered as the data tables' CSV exporter (once per application). */
    public static synchronized String type() {
        if (!registered) {
            DataExporters.register(DataTable.class, FormulaSafeCsvExporter.class, "csv");
            registered = true;
        }
        return "csv";
    }

    /** The cell as a spreadsheet will show it, never as a formula. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    /** PrimeFaces passes every cell value through here before quoting it. */
    @Override
    protected String escapeQuotes(String value) {
        return super.escapeQuotes(neutralise(value));
    }
}
