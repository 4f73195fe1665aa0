package dev.agenttraces.traces.insight.domain;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevel() {
        assertThat(CanonicalJson.canonicalise("{\"b\":1,\"a\":{\"d\":[{\"z\":1,\"y\":2}],\"c\":3}}"))
                .isEqualTo("{\"a\":{\"c\":3,\"d\":[{\"y\":2,\"z\":1}]},\"b\":1}");
        assertThat(CanonicalJson.equivalent("{\"path\":\"a\",\"limit\":10}", "{\"limit\":10,\"path\":\"a\"}")).isTrue();
    }

    @Test
    void dropsInsignificantWhitespaceButKeepsItInStrings() {
        assertThat(CanonicalJson.canonicalise(" {\n\t\"a\" : [ 1 , 2 ,3 ] ,\r\n \"s\": \"two  spaces\" }  "))
                .isEqualTo("{\"a\":[1,2,3],\"s\":\"two  spaces\"}");
        assertThat(CanonicalJson.equivalent("{\"s\":\"a b\"}", "{\"s\":\"a  b\"}")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.0", "1e0", "1E+0", "10E-1", "1.000", "0.1e1"})
    void writesEqualNumbersAlike(String number) {
        assertThat(CanonicalJson.canonicalise("{\"n\":" + number + "}")).isEqualTo("{\"n\":1}");
    }

    @Test
    void normalisesOtherNumbersByValue() {
        assertThat(CanonicalJson.canonicalise("[1000, 1e3, 1.5e30, 0.50, 5E-1, -0, -0.0e5, 1e-7]"))
                .isEqualTo("[1000,1000,1.5E+30,0.5,0.5,0,0,1E-7]");
        assertThat(CanonicalJson.equivalent("[2]", "[2.5]")).isFalse();
    }

    @Test
    void decodesEscapesBeforeComparing() {
        assertThat(CanonicalJson.equivalent("\"caf\\u00e9 a\\/b\"", "\"café a/b\"")).isTrue();
        assertThat(CanonicalJson.canonicalise("\"tab\\there\\u0001\"")).isEqualTo("\"tab\\there\\u0001\"");
    }

    @Test
    void keepsTheLastOfRepeatedKeys() {
        assertThat(CanonicalJson.canonicalise("{\"a\":1,\"b\":2,\"a\":3}")).isEqualTo("{\"a\":3,\"b\":2}");
    }

    @Test
    void fallsBackToWhitespaceNormalisedTextForAnythingElse() {
        assertThat(CanonicalJson.isJson("{a: 1}")).isFalse();
        assertThat(CanonicalJson.canonicalise("  {a:\n 1}  ")).isEqualTo("{a: 1}");
        assertThat(CanonicalJson.equivalent("ls   -la\n/tmp", "ls -la /tmp")).isTrue();
        assertThat(CanonicalJson.isJson("{\"a\":1} trailing")).isFalse();
        assertThat(CanonicalJson.isJson("[1,]")).isFalse();
        assertThat(CanonicalJson.isJson("01")).isFalse();
        assertThat(CanonicalJson.isJson("\"raw\ttab\"")).isFalse();
        assertThat(CanonicalJson.canonicalise(null)).isNull();
    }

    @Test
    void comparesTooDeepNestingAsTextWithoutOverflowingTheStack() {
        String deepest = "[".repeat(CanonicalJson.MAX_DEPTH) + "1" + "]".repeat(CanonicalJson.MAX_DEPTH);
        assertThat(CanonicalJson.isJson(deepest)).isTrue();
        String tooDeep = "[" + deepest + "]";
        assertThat(CanonicalJson.isJson(tooDeep)).isFalse();
        assertThat(CanonicalJson.canonicalise(tooDeep)).isEqualTo(tooDeep);
        String huge = "[".repeat(200_000) + "]".repeat(200_000);
        assertThat(CanonicalJson.canonicalise(huge)).isEqualTo(huge);
        assertThat(CanonicalJson.equivalent("{\"a\": " + huge + "}", "{\"a\":\n\t " + huge + "}")).isTrue();
    }

    @Test
    void writesJsonThatAParserReadsBack() {
        String canonical = CanonicalJson.canonicalise(
                "{\"z\":[true,false,null,{}],\"q\":\"\\\"quoted\\\" \\\\ \\n\",\"n\":-12.50e-3,\"big\":1e400}");
        assertThat(canonical).isEqualTo("{\"big\":1E+400,\"n\":-0.0125,\"q\":\"\\\"quoted\\\" \\\\ \\n\",\"z\":[true,false,null,{}]}");
        var parsed = Json.createReader(new StringReader(canonical)).readObject();
        assertThat(parsed.getString("q")).isEqualTo("\"quoted\" \\ \n");
        assertThat(parsed.getJsonNumber("n").bigDecimalValue()).isEqualByComparingTo("-0.0125");
    }
}
