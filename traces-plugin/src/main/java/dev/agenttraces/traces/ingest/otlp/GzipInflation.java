package dev.agenttraces.traces.ingest.otlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Inflates a gzip body while counting: the limit is checked on every chunk, so a few kilobytes that expand to
 * gigabytes cost at most the limit in memory before {@link OtlpBodyTooLarge} stops them.
 */
final class GzipInflation {

    private static final int CHUNK = 16 * 1024;

    private GzipInflation() {
    }

    static byte[] inflate(byte[] compressed, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, Math.max(CHUNK, compressed.length * 4L)));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), CHUNK)) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                total += n;
                if (total > limit) {
                    throw new OtlpBodyTooLarge(limit);
                }
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new OtlpBodyMalformed("Content-Encoding is gzip but the body is not valid gzip data ("
                    + e.getMessage() + ").", e);
        }
        return out.toByteArray();
    }
}
