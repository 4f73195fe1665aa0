package dev.agenttraces.taskboard.host.contract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DescriptorParserTest {

    private final DescriptorParser parser = new DescriptorParser("1.0");

    static String descriptor(String hostApi, String point, String url, String params) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <plugin xmlns="https://agenttraces.dev/ns/taskboard-plugin/1" key="agent-traces" version="1.2.0">
                    <name>Agent Traces</name>
                    <host-api>%s</host-api>
                    <base-url>/traces/</base-url>
                    <extensions>
                        <extension point="%s" key="panel" weight="5">
                            <title>Traces</title>
                            <url>%s</url>
                            %s
                            <initial-height>400</initial-height>
                            <render-timeout-ms>5000</render-timeout-ms>
                        </extension>
                        <extension point="agent/tab/v1" key="tab">
                            <title>Tab</title>
                            <url>/agent.xhtml?agent={agent.id}</url>
                            <context-param name="agent.id"/>
                            <initial-height>400</initial-height>
                            <render-timeout-ms>5000</render-timeout-ms>
                        </extension>
                    </extensions>
                </plugin>
                """.formatted(hostApi, point, url, params);
    }

    private PluginDescriptor parse(String xml) throws InvalidDescriptorException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAValidDescriptor() throws Exception {
        PluginDescriptor d = parse(descriptor("[1.0,2.0)", "task-detail/panel/v1", "/panel.xhtml?task={task.id}",
                "<context-param name=\"task.id\"/>"));
        assertThat(d.key()).isEqualTo("agent-traces");
        assertThat(d.version()).isEqualTo("1.2.0");
        assertThat(d.baseUrl()).isEqualTo("/traces");
        assertThat(d.extensions()).hasSize(2);
        Extension panel = d.extensions().getFirst();
        assertThat(panel.point()).isEqualTo("task-detail/panel/v1");
        assertThat(panel.weight()).isEqualTo(5);
        assertThat(panel.contextParams()).containsExactly("task.id");
        assertThat(panel.renderTimeoutMs()).isEqualTo(5000);
        assertThat(d.extensions().get(1).weight()).isEqualTo(100);
    }

    @Test
    void refusesMalformedXml() {
        assertThatThrownBy(() -> parse("<plugin key=\"x\"><name>broken</plugin>"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("not well-formed");
    }

    @Test
    void refusesAnUnknownExtensionPoint() {
        assertThatThrownBy(() -> parse(descriptor("[1.0,2.0)", "sidebar/widget/v1", "/x.xhtml", "")))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("plugin-descriptor-1.xsd")
                .hasMessageContaining("sidebar/widget/v1");
    }

    @Test
    void refusesAnIncompatibleHostApiVersion() {
        assertThatThrownBy(() -> parse(descriptor("[2.0,3.0)", "task-detail/panel/v1", "/x.xhtml", "")))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("requires host-api [2.0,3.0)")
                .hasMessageContaining("implements 1.0");
    }

    @Test
    void refusesAUrlPlaceholderThatIsNotDeclared() {
        assertThatThrownBy(() -> parse(descriptor("[1.0,2.0)", "task-detail/panel/v1", "/x.xhtml?task={task.id}", "")))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("{task.id}");
    }

    @Test
    void refusesDoctypesSoNoEntityIsEverExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE plugin [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><plugin>&x;</plugin>";
        assertThatThrownBy(() -> parse(xxe)).isInstanceOf(InvalidDescriptorException.class);
    }

    @Test
    void refusesAMissingRequiredElement() {
        String noTimeout = descriptor("[1.0,2.0)", "task-detail/panel/v1", "/x.xhtml", "")
                .replaceFirst("<render-timeout-ms>5000</render-timeout-ms>", "");
        assertThatThrownBy(() -> parse(noTimeout)).isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("render-timeout-ms");
    }
}
