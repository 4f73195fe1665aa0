package dev.agenttraces.traces.web;

import org.primefaces.component.datatable.export.DataTableCSVExporter;

/**
 * The agent tab's CSV export with formula cells neutralised (OWASP "CSV injection"): a cell that begins
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with {@code '}, so a
 * spreadsheet shows it as text instead of evaluating it. Task titles and error messages in the export come
 * from agents and users; before, a title such as {@code =HYPERLINK(…)} ran as a formula on the reader's machine.
 * It is PrimeFaces' data-table exporter of {@code type="csv"} for the whole plugin: {@link CsvExportSetup}
 * registers it at start.
 */
public class FormulaSafeCsvExporter extends DataTableCSVExporter {

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
