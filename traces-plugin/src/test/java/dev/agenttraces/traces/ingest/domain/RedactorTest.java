package dev.agenttraces.traces.ingest.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every default pattern: what it masks, what it leaves, and that it masks inside serialised JSON. */
class RedactorTest {

    private static final Redactor DEFAULTS = new Redactor(RedactionDefaults.ALL);

    static final String OPENAI = "sk-4f9a2b7c1d8e3f6a5b0c9d2e7f1a4b8c6d3e0f5a9b2c7d1e";
    static final String OPENAI_PROJECT = "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9o";
    static final String ANTHROPIC = "sk-ant-api03-Zq8Xw2Vb5Nm1Lk4Jh7Gf0Ds3Ap6Ou9Iy2Tr5Ee8Wq1Zx4Cv7Bn0Mm3";
    static final String AWS = "AKIAIOSFODNN7EXAMPLE";
    static final String GITHUB = "ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R";
    static final String GITHUB_PAT = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
    static final String SLACK = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    static final String GOOGLE = "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";
    static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSJ9"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    private static String masked(String text) {
        return DEFAULTS.redact(text).text();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "key " + OPENAI + " here|key [REDACTED:api-key] here",
            "OPENAI_API_KEY=" + OPENAI_PROJECT + "|OPENAI_API_KEY=[REDACTED:api-key]",
            "x-api-key: " + ANTHROPIC + "|x-api-key: [REDACTED:api-key]",
            "aws_access_key_id = " + AWS + "|aws_access_key_id = [REDACTED:api-key]",
            "token " + GITHUB + ".|token [REDACTED:api-key].",
            "GH=" + GITHUB_PAT + "|GH=[REDACTED:api-key]",
            "slack " + SLACK + "|slack [REDACTED:api-key]",
            "url ?key=" + GOOGLE + "&q=1|url ?key=[REDACTED:api-key]&q=1",
            "id_token " + JWT + " end|id_token [REDACTED:jwt] end",
            "Authorization: Bearer abc123.DEF-456_ghi~789|Authorization: Bearer [REDACTED:bearer-token]",
            "authorization: bearer 0123456789abcdef|authorization: bearer [REDACTED:bearer-token]",
            "Authorization: Bearer " + JWT + "|Authorization: Bearer [REDACTED:jwt]",
            "postgres://app:s3cr3t-pass@db.internal:5432/x|postgres://app:[REDACTED:password]@db.internal:5432/x",
            "https://user:p%40ss@example.com/path|https://user:[REDACTED:password]@example.com/path",
            "mail ada.lovelace+ai@example.co.uk now|mail [REDACTED:email] now",
    })
    void masksEachDefaultKind(String text, String expected) {
        Redactor.Result r = DEFAULTS.redact(text);
        assertEquals(expected, r.text());
        assertEquals(1, r.count());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sketch the skeleton of sk-learn usage",
            "the sk-learn-is-a-python-library-for-machine-learning docs", // no digit: prose, not a key
            "task-0123456789abcdefghijklmnop is a slug", // "sk-" inside a word
            "AKIA is a prefix; AKIAIOSFODNN7EXAMPLEX is too long",
            "ghp_short and github_pat_short",
            "xoxo-hugs-and-kisses-from-everyone",
            "AIzaTooShort",
            "eyJhbGciOiJIUzI1NiJ9 alone is no JWT",
            "Bearer tokens are explained in RFC 6750",
            "Bearer authentication-scheme",
            "https://example.com:8443/path?user=a:b",
            "ssh://host/repo and http://user@host",
            "not an email: a@b, @handle, user@localhost",
            "desk-1234567890123456789012345",
    })
    void leavesOrdinaryText(String text) {
        Redactor.Result r = DEFAULTS.redact(text);
        assertEquals(text, r.text());
        assertEquals(0, r.count());
    }

    @Test
    void masksInsideSerialisedJsonAndKeepsItValid() {
        String json = "{\"cmd\":\"curl -H 'Authorization: Bearer abc123def456' https://u:pw1@h.io\","
                + "\"note\":\"line\\n" + OPENAI + "\\tmail\\nada@example.com\",\"k\":\"" + AWS + "\"}";
        Redactor.Result r = DEFAULTS.redact(json);
        assertEquals("{\"cmd\":\"curl -H 'Authorization: Bearer [REDACTED:bearer-token]' https://u:[REDACTED:password]@h.io\","
                + "\"note\":\"line\\n[REDACTED:api-key]\\tmail\\n[REDACTED:email]\",\"k\":\"[REDACTED:api-key]\"}", r.text());
        assertEquals(5, r.count());
        assertTrue(jakarta.json.Json.createReader(new java.io.StringReader(r.text())).readObject().containsKey("note"));
    }

    @Test
    void escapedSlashesInAUrlStillHideThePassword() {
        assertEquals("postgres:\\/\\/app:[REDACTED:password]@db", masked("postgres:\\/\\/app:hunter2@db"));
    }

    @Test
    void masksEveryOccurrenceAndCountsThem() {
        Redactor.Result r = DEFAULTS.redact(AWS + " " + AWS + " a@b.io " + GITHUB);
        assertEquals("[REDACTED:api-key] [REDACTED:api-key] [REDACTED:email] [REDACTED:api-key]", r.text());
        assertEquals(4, r.count());
    }

    @Test
    void maskingTwiceChangesNothingMore() {
        String once = masked("Bearer abc123def456 https://u:pw1@h.io " + JWT + " ada@example.com " + SLACK);
        Redactor.Result twice = DEFAULTS.redact(once);
        assertEquals(once, twice.text());
        assertEquals(0, twice.count());
    }

    @Test
    void nullAndEmptyPassThrough() {
        assertEquals(null, DEFAULTS.redact(null).text());
        assertEquals("", DEFAULTS.redact("").text());
        assertFalse(Redactor.NONE.isActive());
        assertEquals(AWS, Redactor.NONE.redact(AWS).text());
    }

    /** The one-pass hint scan runs exactly the patterns the per-pattern hint checks would run, with the same result. */
    @Test
    void theHintScanMasksExactlyAsEachPatternOnItsOwn() {
        String[] pieces = {OPENAI, ANTHROPIC, AWS, GITHUB, SLACK, GOOGLE, JWT, "sk-", "sk", "AKI", "eyJ", "ey", "xox",
            "Bearer ", "bearer abc.def-ghi", "https://ada:hunter2@db.example/x", "://", ":/", ":\\/", "@", "ada@example.org",
            "earer", "EARER", "gh", "ghp_", "AIza", " ", "text", "é", "\n", "{\"k\":\"v\"}", "[REDACTED:api-key]"};
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(12); j >= 0; j--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            int[] count = {0};
            String expected = text.toString();
            for (RedactionPattern p : RedactionDefaults.ALL) {
                expected = p.apply(expected, count);
            }
            Redactor.Result result = DEFAULTS.redact(text.toString());
            assertEquals(expected, result.text(), text.toString());
            assertEquals(count[0], result.count(), text.toString());
        }
    }
}
