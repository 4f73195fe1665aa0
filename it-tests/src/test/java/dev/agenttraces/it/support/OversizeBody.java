package dev.agenttraces.it.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request that declares a 9 MiB body (over the default 8 MiB ingest limit) but sends only its first bytes,
 * then reads the answer's head: an endpoint must refuse from the declared length, without waiting for the body.
 */
public final class OversizeBody {

    /** The status line and the headers, lower-cased, of the answer. */
    public record Head(String status, String headers) {
    }

    private OversizeBody() {
    }

    /** @param path from the server root, e.g. {@code /traces/v1/traces} */
    public static Head declare(String path, String bearer, String contentType, String firstBytes) throws Exception {
        try (Socket socket = new Socket("localhost", TaskboardServer.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + bearer
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + (9 * 1024 * 1024) + "\r\n\r\n"
                    + firstBytes).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            StringBuilder headers = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.append(line).append('\n');
            }
            return new Head(status, headers.toString().toLowerCase(Locale.ROOT));
        }
    }
}
