package dev.agenttraces.traces.ingest.interfaces.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stops reading a request body once it passes the limit, so an oversize payload is refused while
 * streaming (also when the client sends no Content-Length) instead of being buffered whole.
 */
public class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) throws PayloadTooLarge {
        count += n;
        if (count > limit) {
            throw new PayloadTooLarge(limit);
        }
    }
}
