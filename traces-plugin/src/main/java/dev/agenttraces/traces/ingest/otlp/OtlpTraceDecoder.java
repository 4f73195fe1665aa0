package dev.agenttraces.traces.ingest.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes an OTLP/HTTP trace export body into the official {@link ExportTraceServiceRequest}, following the
 * OTLP specification: binary protobuf ({@code application/x-protobuf}) or OTLP/JSON ({@code application/json}),
 * optionally {@code Content-Encoding: gzip}. The size limit applies to the decoded bytes (after inflation), as
 * the specification requires, so compression cannot be used to get past it.
 *
 * <p>OTLP/JSON is the protobuf JSON mapping with deviations (hex ids, integer enums, unknown fields ignored);
 * {@link OtlpJsonTranscoder} turns it into what {@link JsonFormat} reads, and refuses deep nesting first.
 * Thread-safe; one instance per configured limit.
 */
public final class OtlpTraceDecoder {

    /** Deepest JSON nesting accepted; a real export needs about 15 levels, so 64 leaves room for nested AnyValues. */
    public static final int MAX_JSON_DEPTH = 64;

    /** The largest limit a byte array can hold. */
    public static final long MAX_LIMIT = Integer.MAX_VALUE - 8;

    private static final JsonFormat.Parser JSON = JsonFormat.parser().ignoringUnknownFields();

    private final long maxDecodedBytes;

    /** @param maxDecodedBytes the largest body accepted after decompression, 1 to {@link #MAX_LIMIT} */
    public OtlpTraceDecoder(long maxDecodedBytes) {
        if (maxDecodedBytes < 1 || maxDecodedBytes > MAX_LIMIT) {
            throw new IllegalArgumentException("maxDecodedBytes must be between 1 and " + MAX_LIMIT);
        }
        this.maxDecodedBytes = maxDecodedBytes;
    }

    public long maxDecodedBytes() {
        return maxDecodedBytes;
    }

    /**
     * @param body            the raw request body as received (possibly gzip-compressed)
     * @param contentType     the Content-Type header, parameters such as {@code charset} allowed
     * @param contentEncoding the Content-Encoding header, or null
     * @throws OtlpBodyTooLarge         the body or its inflated form exceeds the limit (413)
     * @throws OtlpBodyMalformed        the body is not a decodable request (400)
     * @throws OtlpMediaTypeUnsupported unknown content type or encoding (415)
     */
    public ExportTraceServiceRequest decode(byte[] body, String contentType, String contentEncoding) {
        Format format = format(contentType);
        byte[] plain = decompress(body == null ? new byte[0] : body, contentEncoding);
        return format == Format.PROTOBUF ? parseProtobuf(plain) : parseJson(plain);
    }

    private enum Format { PROTOBUF, JSON }

    private static Format format(String contentType) {
        String type = mediaType(contentType);
        return switch (type) {
            case "application/x-protobuf", "application/protobuf" -> Format.PROTOBUF;
            case "application/json" -> Format.JSON;
            default -> throw new OtlpMediaTypeUnsupported("Content-Type \"" + type
                    + "\" is not supported; send application/x-protobuf or application/json.");
        };
    }

    private static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private byte[] decompress(byte[] body, String contentEncoding) {
        String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> {
                if (body.length > maxDecodedBytes) {
                    throw new OtlpBodyTooLarge(maxDecodedBytes);
                }
                yield body;
            }
            case "gzip", "x-gzip" -> GzipInflation.inflate(body, maxDecodedBytes);
            default -> throw new OtlpMediaTypeUnsupported("Content-Encoding \"" + encoding
                    + "\" is not supported; send gzip or no Content-Encoding.");
        };
    }

    private static ExportTraceServiceRequest parseProtobuf(byte[] body) {
        try {
            return ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new OtlpBodyMalformed("The body is not a protobuf ExportTraceServiceRequest: " + e.getMessage(), e);
        }
    }

    private static ExportTraceServiceRequest parseJson(byte[] body) {
        String protobufJson = OtlpJsonTranscoder.toProtobufJson(utf8(body), MAX_JSON_DEPTH);
        ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
        try {
            JSON.merge(protobufJson, request);
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new OtlpBodyMalformed("The body is not an OTLP/JSON ExportTraceServiceRequest: " + e.getMessage(), e);
        }
        return request.build();
    }

    /** Strict UTF-8 (JSON's only encoding on the wire): a malformed byte is a 400, not a silent U+FFFD. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new OtlpBodyMalformed("The JSON body is not valid UTF-8.", e);
        }
    }
}
