package dev.agenttraces.traces.ingest.interfaces.otlp;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.agenttraces.traces.api.Jsonp;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The receiver's answers as the OTLP/HTTP specification wants them, in the encoding of the request
 * (protobuf, or OTLP/JSON when the request was JSON): 200 with an {@code ExportTraceServiceResponse} whose
 * {@code partial_success} is set only when spans were refused, and for every 4xx/5xx a
 * {@code google.rpc.Status} (code and message). Status is written by hand, two fields, because its generated
 * class lives in a jar (googleapis common protos) the plugin does not otherwise need.
 */
final class OtlpAnswer {

    static final String PROTOBUF = "application/x-protobuf";
    static final String JSON = "application/json";

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private OtlpAnswer() {
    }

    /** Whether the answer goes out as JSON: the request was JSON (anything else is answered in protobuf). */
    static boolean wantsJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).strip().startsWith(JSON);
    }

    static void success(HttpServletResponse resp, boolean json, int rejected, String message) throws IOException {
        ExportTraceServiceResponse.Builder answer = ExportTraceServiceResponse.newBuilder();
        if (rejected > 0) {
            answer.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                    .setRejectedSpans(rejected).setErrorMessage(message));
        }
        resp.setStatus(200);
        if (json) {
            write(resp, JSON, print(answer.build()).getBytes(StandardCharsets.UTF_8));
        } else {
            write(resp, PROTOBUF, answer.build().toByteArray());
        }
    }

    /** A refusal: the HTTP status, and a Status body whose code is the gRPC code matching it. */
    static void failure(HttpServletResponse resp, boolean json, int httpStatus, String message) throws IOException {
        int code = grpcCode(httpStatus);
        resp.setStatus(httpStatus);
        if (json) {
            write(resp, JSON, Jsonp.BUILDERS.createObjectBuilder().add("code", code).add("message", message)
                    .build().toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeInt32(1, code);
        out.writeString(2, message);
        out.flush();
        write(resp, PROTOBUF, bytes.toByteArray());
    }

    private static int grpcCode(int httpStatus) {
        return switch (httpStatus) {
            case 400, 415 -> 3;  // INVALID_ARGUMENT
            case 401 -> 16;      // UNAUTHENTICATED
            case 403 -> 7;       // PERMISSION_DENIED
            case 413, 429 -> 8;  // RESOURCE_EXHAUSTED
            case 503 -> 14;      // UNAVAILABLE
            default -> 13;       // INTERNAL
        };
    }

    private static String print(ExportTraceServiceResponse answer) {
        try {
            return PRINTER.print(answer);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("an ExportTraceServiceResponse always prints", e);
        }
    }

    private static void write(HttpServletResponse resp, String type, byte[] body) throws IOException {
        resp.setContentType(type);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
