package dev.agenttraces.taskboard.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Reads the DER bytes of a single-object PEM file (a PKCS#8 private key or an X.509 public key). Host
 * and plugin both load contract keys this way, so the parsing lives once, beside the other shared
 * contract pieces.
 */
public final class Pem {

    private Pem() {
    }

    public static byte[] der(Path file) throws IOException {
        String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
