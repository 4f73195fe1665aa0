package dev.agenttraces.traces.ingest.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The built-in redaction patterns, in the order they run. Every quantifier is bounded and possessive and every
 * pattern starts behind a boundary lookbehind, so a match attempt reads a bounded stretch of text and never
 * backtracks into it: the whole scan stays linear in the text (RedactorLinearTimeTest runs a megabyte of adversarial text).
 * No character class admits a quote or a backslash, and no pattern begins right after a backslash, so masking the
 * serialised JSON of a tool's arguments or a conversation leaves it valid JSON; a secret right after a JSON
 * escape ({@code \n}, {@code \r}, {@code \t}) is still found. Each pattern names the literal strings one of which
 * every match holds, so the regex only runs on text that holds one.
 */
public final class RedactionDefaults {

    /** Not inside a token (nor right after a backslash), or right after an escaped newline or tab. */
    private static final String START = "(?:(?<![A-Za-z0-9_\\\\-])|(?<=\\\\[nrt]))";

    private RedactionDefaults() {
    }

    public static final List<RedactionPattern> ALL = List.of(
            // Anthropic: sk-ant-api03-…, sk-ant-admin01-…
            of(List.of("sk-ant-"), "anthropic-key", "api-key", START + "sk-ant-[A-Za-z0-9_-]{20,512}+"),
            // OpenAI: sk-…, sk-proj-…, sk-svcacct-…; at least one digit, so prose like sk-learn-… stays
            of(List.of("sk-"), "openai-key", "api-key",
                    START + "sk-(?=[A-Za-z0-9_-]{0,511}[0-9])[A-Za-z0-9_-]{20,512}+"),
            // AWS access key ids
            of(List.of("AKIA", "ASIA", "ABIA", "ACCA"), "aws-access-key", "api-key",
                    START + "(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])"),
            // GitHub classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained (github_pat_) tokens
            of(List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"), "github-token", "api-key",
                    START + "(?:gh[pousr]_[A-Za-z0-9]{36,255}+|github_pat_[A-Za-z0-9_]{22,255}+)"),
            // Slack bot/user/app tokens: xoxb-…, xoxp-…, with digits
            of(List.of("xox"), "slack-token", "api-key",
                    START + "xox[abposre]-(?=[A-Za-z0-9-]{0,254}[0-9])[A-Za-z0-9-]{10,255}+"),
            // Google API keys
            of(List.of("AIza"), "google-api-key", "api-key", START + "AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])"),
            // JSON Web Tokens: base64url header and payload (both JSON objects, so "eyJ") and signature
            of(List.of("eyJ"), "jwt", "jwt",
                    START + "eyJ[A-Za-z0-9_-]{5,2048}+\\.eyJ[A-Za-z0-9_-]{5,16384}+\\.[A-Za-z0-9_-]{0,8192}+"),
            // Authorization: Bearer <token>: the token only, and only one with a digit (not "Bearer authentication")
            of(List.of("earer", "EARER"), "bearer-token", "bearer-token",
                    START + "(?i:bearer)[ \\t]{1,16}+(?<secret>(?=[A-Za-z0-9._~+/=-]{0,4095}[0-9])"
                    + "[A-Za-z0-9._~+/=-]{8,4096}+)"),
            // scheme://user:password@host: the password only (JSON may escape the slashes as \/)
            of(List.of(":/", ":\\/"), "url-password", "password",
                    "(?<![A-Za-z0-9+.\\\\-])[A-Za-z][A-Za-z0-9+.-]{0,31}+:(?:\\\\?/){2}"
                    + "[^\\s:/@\"\\\\]{1,256}+:(?<secret>(?!\\[REDACTED:)[^\\s/@\"\\\\]{1,256}+)@"),
            // e-mail addresses (one that runs on into another local part is left whole, so masking is idempotent)
            of(List.of("@"), "email", "email",
                    "(?:(?<![A-Za-z0-9._%+\\\\-])|(?<=\\\\[nrt]))[A-Za-z0-9._%+-]{1,64}+@"
                    + "[A-Za-z0-9-]{1,63}+(?:\\.[A-Za-z0-9-]{1,63}+){1,8}+(?![A-Za-z0-9_%+@-])"));

    private static RedactionPattern of(List<String> hints, String name, String kind, String regex) {
        return new RedactionPattern(name, kind, Pattern.compile(regex), true, hints);
    }
}
