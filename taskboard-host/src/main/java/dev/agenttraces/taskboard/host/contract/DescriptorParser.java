package dev.agenttraces.taskboard.host.contract;

import dev.agenttraces.taskboard.contract.HostContract;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a fetched descriptor into a {@link PluginDescriptor}, or says precisely why not: not XML,
 * not valid against the host's schema (which closes the lists of extension points and context
 * parameters), a URL template using an undeclared parameter, a URL of a shape {@link DescriptorUrls}
 * refuses ({@code javascript:} and the like), or a host-api range this host is not in.
 * Descriptors come over the network, so DTDs and external entities are refused outright.
 */
public class DescriptorParser {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Schema SCHEMA = loadSchema();

    private final String hostApiVersion;

    public DescriptorParser(String hostApiVersion) {
        this.hostApiVersion = hostApiVersion;
    }

    public PluginDescriptor parse(byte[] xml) throws InvalidDescriptorException {
        Document doc = read(xml);
        validate(doc);
        Element root = doc.getDocumentElement();
        String key = root.getAttribute("key");
        VersionRange hostApi = VersionRange.parse(text(root, "host-api"));
        if (!hostApi.contains(hostApiVersion)) {
            throw new InvalidDescriptorException("Plugin '" + key + "' requires host-api " + hostApi
                    + " but this host implements " + hostApiVersion);
        }
        String name = text(root, "name");
        String baseUrl = stripTrailingSlash(text(root, "base-url"));
        DescriptorUrls.checkBaseUrl(key, baseUrl);
        List<Extension> extensions = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS(HostContract.DESCRIPTOR_NAMESPACE, "extension");
        for (int i = 0; i < nodes.getLength(); i++) {
            extensions.add(extension(key, name, baseUrl, (Element) nodes.item(i)));
        }
        return new PluginDescriptor(key, root.getAttribute("version"), name, hostApi, baseUrl, List.copyOf(extensions));
    }

    private static Extension extension(String pluginKey, String pluginName, String baseUrl, Element e)
            throws InvalidDescriptorException {
        List<String> params = new ArrayList<>();
        NodeList declared = e.getElementsByTagNameNS(HostContract.DESCRIPTOR_NAMESPACE, "context-param");
        for (int i = 0; i < declared.getLength(); i++) {
            params.add(((Element) declared.item(i)).getAttribute("name"));
        }
        String url = text(e, "url");
        DescriptorUrls.checkExtensionUrl(e.getAttribute("key"), url);
        Matcher m = PLACEHOLDER.matcher(url);
        while (m.find()) {
            if (!params.contains(m.group(1))) {
                throw new InvalidDescriptorException("Extension '" + e.getAttribute("key") + "' uses {" + m.group(1)
                        + "} in its URL without declaring it as a context-param");
            }
        }
        String weight = e.getAttribute("weight");
        return new Extension(pluginKey, pluginName, e.getAttribute("point"), e.getAttribute("key"), text(e, "title"),
                weight.isEmpty() ? 100 : Integer.parseInt(weight), baseUrl, url, List.copyOf(params),
                Integer.parseInt(text(e, "initial-height")), Integer.parseInt(text(e, "render-timeout-ms")));
    }

    private static Document read(byte[] xml) throws InvalidDescriptorException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new InvalidDescriptorException("Descriptor is not well-formed XML (line " + e.getLineNumber()
                    + "): " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new InvalidDescriptorException("Descriptor cannot be read: " + e.getMessage(), e);
        }
    }

    private static void validate(Document doc) throws InvalidDescriptorException {
        try {
            SCHEMA.newValidator().validate(new DOMSource(doc));
        } catch (SAXParseException e) {
            throw new InvalidDescriptorException("Descriptor does not match plugin-descriptor-1.xsd: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new InvalidDescriptorException("Descriptor cannot be validated: " + e.getMessage(), e);
        }
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagNameNS(HostContract.DESCRIPTOR_NAMESPACE, child).item(0).getTextContent().strip();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Schema loadSchema() {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newSchema(HostContract.class.getResource(HostContract.DESCRIPTOR_XSD));
        } catch (SAXException e) {
            throw new IllegalStateException("The host's descriptor schema is broken", e);
        }
    }
}
