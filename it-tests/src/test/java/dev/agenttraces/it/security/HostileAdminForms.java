package dev.agenttraces.it.security;

import dev.agenttraces.it.security.HostileInputIT.Case;
import dev.agenttraces.it.support.HostTokens;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The hostile admin actions of the price pages, posted as a crafted client would: a catalogue entry saved with
 * one bad field (the page opens the entry form first, as "New entry" does), and LiteLLM price files that are
 * not what they claim, previewed and then imported anyway. Each answer is the page with a message naming the
 * problem; nothing reaches {@code model_price} (the database check looks for the suite's marker).
 */
record HostileAdminForms(HostileCases f) {

    static final String PRICES = "/traces/admin/prices.xhtml";
    static final String IMPORT = "/traces/admin/price-import.xhtml";

    void all(Map<String, Case> c) {
        prices(c);
        imports(c);
    }

    private void prices(Map<String, Case> c) {
        price(c, "pattern with NUL", "priceForm:pattern", HostileCases.MARKER + "nul\u0000", "Model pattern contains a NUL character");
        price(c, "pattern not a regular expression", "priceForm:pattern", HostileCases.MARKER + "(", "not a valid regular expression");
        price(c, "pattern of 10,000 characters", "priceForm:pattern", HostileCases.MARKER + "p".repeat(10_000),
                "Model pattern is longer than 200 characters");
        price(c, "provider of 10,000 characters", "priceForm:provider", "p".repeat(10_000), "Provider is longer than 100 characters");
        price(c, "source of 10,000 characters", "priceForm:source", "s".repeat(10_000), "Source is longer than 1000 characters");
        price(c, "input price negative", "priceForm:input", "-1", "cannot be negative");
        price(c, "input price not a number", "priceForm:input", "1; drop table model_price", "must be a signed decimal number");
        price(c, "output price 1e400", "priceForm:output", "1e400", "must be below");
        price(c, "output price with 20 decimals", "priceForm:output", "0.00000000000000000001", "decimals");
        c.put("prices save: no entry open", new Case(() -> saveEntry(Map.of("priceForm:save", "")), 200, null));
        c.put("prices: recompute all by a reviewer", new Case(() -> page(f.member, Set.of("REVIEWER"), PRICES, "prices",
                Map.of("prices:recompute-all", "")), 200, "Only administrators can see and edit the price catalogue"));
    }

    /** A valid new entry with one field replaced, saved after "New entry" opened the form. */
    private void price(Map<String, Case> c, String name, String field, String value, String shows) {
        c.put("prices save: " + name, new Case(() -> {
            Map<String, String> entry = new HashMap<>(Map.of("priceForm:pattern", HostileCases.MARKER + "price-model",
                    "priceForm:provider", "hostile", "priceForm:from_input", "2026-01-01", "priceForm:input", "1",
                    "priceForm:output", "2", "priceForm:source", "hostile suite", "priceForm:save", ""));
            entry.put(field, value);
            return saveEntry(entry);
        }, 200, shows));
    }

    private HttpResponse<String> saveEntry(Map<String, String> entry) {
        try {
            FacesForm form = new FacesForm();
            form.open(HostTokens.signedUrl(f.base, f.admin, Set.of("ADMIN"), PRICES));
            if (entry.containsKey("priceForm:pattern")) {
                form.submit("prices", Map.of("prices:add", ""));
            }
            return form.submit("priceForm", entry);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void imports(Map<String, Case> c) {
        upload(c, "not JSON", "model_prices = {}", "The file is not valid JSON");
        upload(c, "an array", "[{\"input_cost_per_token\": 1}]", "it must be one JSON object of models");
        upload(c, "nested 100,000 deep", "{\"m\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", "nested deeper than");
        upload(c, "content after the object", "{} {}", "The file is not valid JSON (line 1, column 4)");
        upload(c, "empty", "", "Choose a LiteLLM price file (JSON) first");
        upload(c, "a model name with NUL", model(HostileCases.MARKER + "nul\\u0000", "0.000001"), "without NUL");
        upload(c, "a negative price", model(HostileCases.MARKER + "negative", "-0.000001"), "cannot be negative");
        upload(c, "a price of 1e400", model(HostileCases.MARKER + "huge", "1e400"), "is too large");
        c.put("price import: importing a file whose every model is refused", new Case(() -> {
            try {
                FacesForm form = importPage();
                preview(form, model(HostileCases.MARKER + "refused", "-1"));
                return form.submit("plan", Map.of("plan:apply", ""));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 200, null)); // the button is disabled: nothing to import, nothing written
        c.put("price import: import without a preview", new Case(() -> {
            try {
                return importPage().submit("plan", Map.of("plan:apply", ""));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 200, null));
    }

    private static String model(String name, String inputPerToken) {
        return "{\"" + name + "\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\", \"input_cost_per_token\": "
                + inputPerToken + ", \"output_cost_per_token\": 0.000002}}";
    }

    private void upload(Map<String, Case> c, String name, String file, String shows) {
        c.put("price import: " + name, new Case(() -> {
            try {
                return preview(importPage(), file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 200, shows));
    }

    private FacesForm importPage() throws Exception {
        FacesForm form = new FacesForm();
        form.open(HostTokens.signedUrl(f.base, f.admin, Set.of("ADMIN"), IMPORT));
        return form;
    }

    private static HttpResponse<String> preview(FacesForm form, String file) throws Exception {
        return form.upload("upload", Map.of("upload:from_input", "2026-01-01", "upload:preview", ""), "upload:file",
                "hostile.json", file.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> page(String user, Set<String> roles, String page, String formId, Map<String, String> fields) {
        try {
            FacesForm form = new FacesForm();
            form.open(HostTokens.signedUrl(f.base, user, roles, page));
            return form.submit(formId, fields);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
