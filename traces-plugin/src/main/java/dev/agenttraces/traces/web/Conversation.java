package dev.agenttraces.traces.web;

import dev.agenttraces.traces.api.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * An LLM call's messages as the conversation its expanded step shows ({@code #{conversation.lines(json)}}),
 * each message's text rendered as markdown, safely: commonmark with raw HTML escaped rather than passed
 * through, link URLs sanitised (no {@code javascript:}), and images shown as their alt text, so a model's
 * output can neither run script in the panel nor make the viewer's browser fetch a URL. The raw text is kept
 * beside the HTML for the "raw" toggle.
 */
@Named("conversation")
@ApplicationScoped
public class Conversation {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** One message: its role, its text as sent, and that text as safe HTML. */
    public record Line(String role, String text, String html) implements Serializable {
    }

    /** The lines of a stored conversation (a JSON array of {role, content}); none for null or unreadable JSON. */
    public List<Line> lines(String messagesJson) {
        if (messagesJson == null || messagesJson.isBlank()) {
            return List.of();
        }
        JsonArray array;
        try (var reader = Jsonp.PROVIDER.createReader(new StringReader(messagesJson))) {
            array = reader.readArray();
        } catch (JsonException | IllegalStateException e) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>(array.size());
        for (JsonValue v : array) {
            if (v instanceof JsonObject m) {
                String text = m.getString("content", "");
                lines.add(new Line(m.getString("role", "user"), text, markdown(text)));
            }
        }
        return lines;
    }

    /** {@link #markdown} for EL: a reasoning step's text as the expanded step shows it. */
    public String html(String text) {
        return markdown(text);
    }

    /** Markdown to HTML with raw HTML escaped, URLs sanitised and images reduced to their alt text. */
    public static String markdown(String text) {
        Node document = PARSER.parse(text == null ? "" : text);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                StringBuilder alt = new StringBuilder();
                for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof Text t) {
                        alt.append(t.getLiteral());
                    }
                }
                image.insertBefore(new Text(alt.toString()));
                image.unlink();
            }
        });
        return RENDERER.render(document);
    }
}
