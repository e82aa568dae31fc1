package io.secrethub.server.auth.aws;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The server secret session keys derive from: 32 random bytes in a 0600 file, made on first start.
 * It is never stored in the database, so a copy of the database cannot mint sessions.
 */
public final class SessionSecret {
    private SessionSecret() {}

    public static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                // Written whole to a private temp file, then moved into place: no reader ever sees half a secret.
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".session-secret", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    Files.write(tmp, secret);
                    // A hard link fails if the file exists, so two nodes starting at once cannot both win.
                    Files.createLink(file, tmp);
                    return secret;
                } catch (FileAlreadyExistsException raced) {
                    // another node made it first: use theirs
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            var permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new IllegalStateException("the session secret " + file + " is readable by others; chmod 600 it");
            }
            byte[] secret = Files.readAllBytes(file);
            if (secret.length < 32) {
                throw new IllegalStateException("the session secret " + file + " is shorter than 32 bytes");
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the session secret " + file + ": " + e.getMessage(), e);
        }
    }
}
