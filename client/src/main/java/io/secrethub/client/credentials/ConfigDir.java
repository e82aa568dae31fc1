package io.secrethub.client.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.secrethub.client.SecretHubException;

/**
 * The configuration directory: {@code $SECRETHUB_CONFIG_DIR}, else {@code ~/.secrethub}. It holds the
 * credential file {@code credential}, written with mode 0600 in a 0700 directory.
 */
public record ConfigDir(Path path) {
    public static final String ENV = "SECRETHUB_CONFIG_DIR";

    public static ConfigDir fromEnvironment(Map<String, String> env) {
        String dir = env.get(ENV);
        if (dir != null && !dir.isBlank()) {
            return of(dir);
        }
        return new ConfigDir(Path.of(System.getProperty("user.home"), ".secrethub"));
    }

    public static ConfigDir of(String dir) {
        Path path = Path.of(dir);
        if (!path.isAbsolute()) {
            throw new SecretHubException("invalid_config_dir", "the config dir '" + dir + "' must be an absolute path");
        }
        return new ConfigDir(path);
    }

    public Path credentialFile() {
        return path.resolve("credential");
    }

    public boolean hasCredential() {
        return Files.isRegularFile(credentialFile());
    }

    public String readCredential() {
        try {
            return Files.readString(credentialFile(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new SecretHubException("credential_not_found", "no credential found at " + credentialFile()
                    + ". Run `secrethub signup`, or set SECRETHUB_CREDENTIAL or SECRETHUB_IDENTITY_PROVIDER.");
        }
    }

    /**
     * Writes the credential file atomically with mode 0600, creating the directory with mode 0700.
     *
     * @param overwrite replace an existing credential file
     */
    public void writeCredential(String encoded, boolean overwrite) {
        try {
            if (!Files.isDirectory(path)) {
                Files.createDirectories(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
            if (!overwrite && Files.exists(credentialFile())) {
                throw new SecretHubException("credential_exists", "a credential already exists at " + credentialFile()
                        + "; use --force to overwrite it");
            }
            // Write to a 0600 temp file in the same directory first, so the key never sits in a readable file.
            Path tmp = Files.createTempFile(path, ".credential", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, encoded + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.move(tmp, credentialFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, credentialFile(), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new SecretHubException("credential_exists", "a credential already exists at " + credentialFile());
        } catch (IOException e) {
            throw new SecretHubException("config_dir_error", "could not write the credential to " + credentialFile() + ": " + e.getMessage());
        }
    }
}
