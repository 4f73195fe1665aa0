package dev.agenttraces.traces.web;

import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import jakarta.faces.application.Application;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.component.export.DataExporters;

/**
 * Makes {@link FormulaSafeCsvExporter} the exporter of every data table's {@code type="csv"} (the agent tab's CSV
 * button), once the Faces application is up (registered in {@code WEB-INF/faces-config.xml}). PrimeFaces 15
 * picks an exporter by target class and type from its registry ({@code DataExporters}); {@code p:dataExporter}
 * has no attribute for a custom exporter object, and an unknown attribute is silently ignored, which is how the
 * agent tab once exported formula cells as they were.
 */
public class CsvExportSetup implements SystemEventListener {

    @Override
    public void processEvent(SystemEvent event) {
        DataExporters.register(DataTable.class, FormulaSafeCsvExporter.class, "csv");
    }

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof Application;
    }
}
