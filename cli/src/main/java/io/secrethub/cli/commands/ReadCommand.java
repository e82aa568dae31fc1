package io.secrethub.cli.commands;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

import io.secrethub.cli.UserError;
import io.secrethub.client.SecretHubClient;
import io.secrethub.client.SecretVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "read", mixinStandardHelpOptions = true, description = "Read a secret, the latest version or the one named by :<version>.")
final class ReadCommand extends ClientCommand {
    @Parameters(paramLabel = "<secret-path:version>", description = "<namespace>/<repo>[/<dir>...]/<secret>[:<version>]")
    String path;

    @Option(names = {"-o", "--out-file"}, paramLabel = "<file>", description = "Write the value to this file instead of stdout.")
    Path outFile;

    @Option(names = "--file-mode", paramLabel = "<mode>", defaultValue = "0600",
            description = "The permissions of the --out-file, in octal (default ${DEFAULT-VALUE}).")
    String fileMode;

    @Option(names = {"-n", "--no-newline"}, description = "Do not print a newline after the value.")
    boolean noNewline;

    @Override
    void run(SecretHubClient client) throws IOException {
        Set<PosixFilePermission> permissions = outFile == null ? null : parseMode(fileMode);
        SecretVersion version = client.read(path);
        byte[] value = version.bytes();
        try {
            if (outFile != null) {
                writeFile(outFile, value, permissions);
                return;
            }
            out().flush();
            OutputStream stdout = System.out;
            stdout.write(value);
            if (!noNewline) {
                stdout.write('\n');
            }
            stdout.flush();
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    private static void writeFile(Path file, byte[] value, Set<PosixFilePermission> permissions) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(permissions));
        }
        Files.setPosixFilePermissions(file, permissions);
        Files.write(file, value, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    static Set<PosixFilePermission> parseMode(String mode) {
        if (!mode.matches("0?[0-7]{3}")) {
            throw new UserError("--file-mode '" + mode + "' must be an octal mode such as 0600");
        }
        int bits = Integer.parseInt(mode, 8);
        StringBuilder rwx = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            rwx.append((bits & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(rwx.toString());
    }
}
