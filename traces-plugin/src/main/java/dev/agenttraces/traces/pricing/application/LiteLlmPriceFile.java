package dev.agenttraces.traces.pricing.application;

import dev.agenttraces.traces.api.Jsonp;
import dev.agenttraces.traces.pricing.domain.ImportedPrice;
import dev.agenttraces.traces.pricing.domain.PriceImportPlan;
import dev.agenttraces.traces.pricing.domain.PriceTier;
import dev.agenttraces.traces.pricing.domain.Rates;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a price file in the format of LiteLLM's {@code model_prices_and_context_window.json}: one object
 * whose keys are model names and whose values hold per-token USD prices ({@code input_cost_per_token},
 * {@code output_cost_per_token}, {@code cache_read_input_token_cost}, {@code cache_creation_input_token_cost},
 * {@code output_cost_per_reasoning_token}, the {@code …_above_200k_tokens} variants), {@code litellm_provider}
 * and {@code mode}. Everything else is ignored. Streamed with bounds on size, nesting and entries, so a hostile
 * upload costs linear time and bounded memory and is refused with a message, never an exception page.
 * Prices become USD per 1M tokens, exactly (a decimal point shift); a price that would need more than the
 * catalogue's six decimals, is negative, huge or not a number refuses that model only.
 */
public final class LiteLlmPriceFile {

    /** Deepest nesting accepted: the format needs three levels; a little room for LiteLLM's nested extras. */
    public static final int MAX_DEPTH = 8;
    /** Most models in one file (LiteLLM's own list has a few thousand). */
    public static final int MAX_MODELS = 20_000;
    static final int MAX_MODEL_CHARS = 200;
    static final int MAX_PROVIDER_CHARS = 100;
    private static final BigDecimal MAX_PER_MTOK = new BigDecimal("1e12");
    private static final Set<String> PRICED_MODES = Set.of("chat", "completion", "responses");
    /** LiteLLM's provider names for Google's models, read as the catalogue's {@code google}. */
    private static final Map<String, String> PROVIDERS = Map.of("gemini", "google", "vertex_ai-language-models", "google",
            "vertex_ai", "google");
    private static final List<String> FIELDS = List.of("input_cost_per_token", "output_cost_per_token",
            "cache_read_input_token_cost", "output_cost_per_reasoning_token", "cache_creation_input_token_cost");
    private static final String ABOVE_200K = "_above_200k_tokens";

    /**
     * What the file holds.
     *
     * @param skipped models left out because they are not priced per token (embeddings, images, audio…) or
     *                repeat a model already read
     */
    public record Contents(List<ImportedPrice> prices, List<PriceImportPlan.Change> refused, int skipped) {
    }

    private LiteLlmPriceFile() {
    }

    /** Reads at most {@code maxBytes} of the stream; more is a refusal of the whole file. */
    public static Contents read(InputStream in, long maxBytes) {
        Map<String, ImportedPrice> prices = new LinkedHashMap<>();
        List<PriceImportPlan.Change> refused = new ArrayList<>();
        int skipped = 0;
        try (JsonParser parser = Jsonp.PROVIDER.createParser(new CappedStream(in, maxBytes))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new PriceFileRefused("The file is not a LiteLLM price list: it must be one JSON object of models.");
            }
            int models = 0;
            while (true) {
                JsonParser.Event e = parser.next();
                if (e == JsonParser.Event.END_OBJECT) {
                    break;
                }
                String model = parser.getString();
                if (++models > MAX_MODELS) {
                    throw new PriceFileRefused("The file lists more than " + MAX_MODELS + " models.");
                }
                if (parser.next() != JsonParser.Event.START_OBJECT) {
                    skip(parser, parser.currentEvent(), 1);
                    skipped++;
                    continue;
                }
                Map<String, Object> fields = entry(parser);
                String problem = problem(model, fields);
                ImportedPrice price = problem == null ? price(model, fields) : null;
                if (problem != null && !problem.isEmpty()) {
                    refused.add(new PriceImportPlan.Change(PriceImportPlan.Kind.REFUSED, placeholder(model, fields), null, problem));
                } else if (price == null || prices.putIfAbsent(price.provider() + "\u0000" + price.model(), price) != null) {
                    skipped++;
                }
            }
            if (parser.hasNext()) {
                throw new PriceFileRefused("The file has content after its closing brace.");
            }
        } catch (JsonParsingException | IllegalStateException | java.util.NoSuchElementException ex) {
            throw new PriceFileRefused("The file is not valid JSON" + where(ex) + ".");
        } catch (JsonException ex) {
            if (ex.getCause() instanceof FileTooLarge) {
                throw new PriceFileRefused("The file is larger than " + (maxBytes / (1024 * 1024)) + " MiB.");
            }
            throw new PriceFileRefused("The file cannot be read as UTF-8 JSON.");
        }
        return new Contents(List.copyOf(prices.values()), List.copyOf(refused), skipped);
    }

    /** One model's object, its scalar fields only (nested values are skipped within the depth bound). */
    private static Map<String, Object> entry(JsonParser parser) {
        Map<String, Object> fields = new HashMap<>();
        while (true) {
            JsonParser.Event e = parser.next();
            if (e == JsonParser.Event.END_OBJECT) {
                return fields;
            }
            String key = parser.getString();
            JsonParser.Event v = parser.next();
            switch (v) {
                case VALUE_NUMBER -> fields.put(key, parser.getBigDecimal());
                case VALUE_STRING -> fields.put(key, parser.getString());
                case START_OBJECT, START_ARRAY -> skip(parser, v, 2);
                default -> fields.put(key, v.name().substring("VALUE_".length()).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Skips a nested value, refusing the file when it goes deeper than {@link #MAX_DEPTH}. */
    private static void skip(JsonParser parser, JsonParser.Event start, int depth) {
        if (start != JsonParser.Event.START_OBJECT && start != JsonParser.Event.START_ARRAY) {
            return;
        }
        int d = depth + 1;
        while (d > depth) {
            if (d > MAX_DEPTH) {
                throw new PriceFileRefused("The file is nested deeper than " + MAX_DEPTH + " levels.");
            }
            JsonParser.Event e = parser.next();
            if (e == JsonParser.Event.START_OBJECT || e == JsonParser.Event.START_ARRAY) {
                d++;
            } else if (e == JsonParser.Event.END_OBJECT || e == JsonParser.Event.END_ARRAY) {
                d--;
            }
        }
    }

    /** Null: importable; empty: skipped silently (not priced per token); else why the model is refused. */
    private static String problem(String model, Map<String, Object> fields) {
        Object mode = fields.get("mode");
        if ("sample_spec".equals(model) || (mode != null && !PRICED_MODES.contains(String.valueOf(mode)))) {
            return "";
        }
        if (!fields.containsKey("input_cost_per_token") && !fields.containsKey("output_cost_per_token")) {
            return "";
        }
        String name = modelName(model, fields);
        if (name.isBlank() || name.length() > MAX_MODEL_CHARS || hasNul(name)) {
            return "the model name must be 1–" + MAX_MODEL_CHARS + " characters without NUL";
        }
        if (!(fields.get("litellm_provider") instanceof String provider) || provider.isBlank()
                || provider.length() > MAX_PROVIDER_CHARS || hasNul(provider)) {
            return "litellm_provider must be a name of 1–" + MAX_PROVIDER_CHARS + " characters";
        }
        for (String field : fields.keySet()) {
            if (FIELDS.contains(field) || (field.endsWith(ABOVE_200K) && FIELDS.contains(field.substring(0, field.length() - ABOVE_200K.length())))) {
                String bad = badPrice(fields.get(field));
                if (bad != null) {
                    return field + " " + bad;
                }
            }
        }
        if (!fields.containsKey("input_cost_per_token") || !fields.containsKey("output_cost_per_token")) {
            return "needs both input_cost_per_token and output_cost_per_token";
        }
        return null;
    }

    private static String badPrice(Object value) {
        if (!(value instanceof BigDecimal perToken)) {
            return "is not a number (" + abbreviate(String.valueOf(value)) + ")";
        }
        if (perToken.signum() < 0) {
            return "cannot be negative";
        }
        BigDecimal perMtok = perToken.movePointRight(6);
        if (perMtok.compareTo(MAX_PER_MTOK) >= 0) {
            return "is too large";
        }
        if (perMtok.stripTrailingZeros().scale() > 6) {
            return "has more than 12 decimal places (the catalogue keeps USD per 1M tokens to 6 places)";
        }
        return null;
    }

    private static ImportedPrice price(String model, Map<String, Object> fields) {
        Rates base = rates(fields, "");
        List<PriceTier> tiers = fields.containsKey("input_cost_per_token" + ABOVE_200K)
                ? List.of(new PriceTier(200_000, rates(fields, ABOVE_200K, base))) : List.of();
        return new ImportedPrice(modelName(model, fields), provider(fields), base, tiers);
    }

    private static Rates rates(Map<String, Object> fields, String suffix) {
        return rates(fields, suffix, null);
    }

    /** The rates of a tier fall back to the base rates for any price the tier does not name. */
    private static Rates rates(Map<String, Object> fields, String suffix, Rates base) {
        BigDecimal[] r = new BigDecimal[FIELDS.size()];
        for (int i = 0; i < r.length; i++) {
            Object v = fields.get(FIELDS.get(i) + suffix);
            r[i] = v instanceof BigDecimal d ? d.movePointRight(6).stripTrailingZeros() : null;
        }
        if (base != null) {
            r[0] = r[0] != null ? r[0] : base.input();
            r[1] = r[1] != null ? r[1] : base.output();
            r[2] = r[2] != null ? r[2] : base.cachedInput();
            r[3] = r[3] != null ? r[3] : base.reasoning();
            r[4] = r[4] != null ? r[4] : base.cacheCreation();
        }
        return new Rates(scale(r[0]), scale(r[1]), scale(r[2]), scale(r[3]), scale(r[4]));
    }

    private static BigDecimal scale(BigDecimal v) {
        return v == null ? null : v.setScale(Math.max(0, v.scale()));
    }

    /** LiteLLM prefixes some keys with their provider ({@code gemini/gemini-2.5-flash}); agents report the bare name. */
    private static String modelName(String key, Map<String, Object> fields) {
        Object provider = fields.get("litellm_provider");
        String prefix = provider instanceof String p ? p + "/" : null;
        return prefix != null && key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    private static String provider(Map<String, Object> fields) {
        String p = ((String) fields.get("litellm_provider")).strip().toLowerCase(Locale.ROOT);
        return PROVIDERS.getOrDefault(p, p);
    }

    /** A stand-in for a refused model so the preview can still name it. */
    private static ImportedPrice placeholder(String model, Map<String, Object> fields) {
        Object p = fields.get("litellm_provider");
        String provider = p instanceof String s && !hasNul(s) ? abbreviate(s) : "?";
        return new ImportedPrice(abbreviate(hasNul(model) ? model.replace('\u0000', '?') : model), provider,
                new Rates(BigDecimal.ZERO, BigDecimal.ZERO, null, null), List.of());
    }

    private static boolean hasNul(String s) {
        return s.indexOf('\u0000') >= 0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static String where(RuntimeException ex) {
        if (ex instanceof JsonParsingException p && p.getLocation() != null) {
            return " (line " + p.getLocation().getLineNumber() + ", column " + p.getLocation().getColumnNumber() + ")";
        }
        return "";
    }

    private static final class FileTooLarge extends IOException {
    }

    /** Refuses to read past the cap, so a huge upload is never held whole. */
    private static final class CappedStream extends java.io.FilterInputStream {
        private final long max;
        private long read;

        CappedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) throws FileTooLarge {
            read += n;
            if (read > max) {
                throw new FileTooLarge();
            }
        }
    }
}
