package io.secrethub.cli.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.secrethub.cli.Terminal;
import io.secrethub.cli.UserError;
import io.secrethub.client.SecretHubClient;
import io.secrethub.core.api.Limits;
import io.secrethub.core.path.SecretPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "write", mixinStandardHelpOptions = true,
        description = {"Write a new version of a secret, creating the secret if needed.",
                "The value is read from --in-file, from stdin when it is piped, or else asked for.",
                "Leading and trailing whitespace is trimmed unless --no-trim is given."})
final class WriteCommand extends ClientCommand {
    @Parameters(paramLabel = "<secret-path>", description = "<namespace>/<repo>[/<dir>...]/<secret>")
    String path;

    @Option(names = {"-i", "--in-file"}, paramLabel = "<file>", description = "Read the value from this file.")
    Path inFile;

    @Option(names = {"-m", "--multiline"}, description = "When asking, read lines until end of input (Ctrl-D).")
    boolean multiline;

    @Option(names = "--no-trim", description = "Keep leading and trailing whitespace.")
    boolean noTrim;

    @Override
    void run(SecretHubClient client) throws IOException {
        SecretPath secret = SecretPath.parse(path);
        byte[] value = readValue(secret);
        try {
            if (!noTrim) {
                value = trim(value);
            }
            if (value.length == 0) {
                throw new UserError("the secret value is empty; a secret must hold at least one byte (invalid_argument)");
            }
            if (value.length > Limits.MAX_SECRET_SIZE) {
                throw new UserError("the secret value is " + value.length + " bytes; a secret may hold at most 512 KiB (value_too_large)");
            }
            int version = client.write(secret.toString(), value);
            out().println("Writing secret value...");
            out().println("Write complete! The given value has been written to " + secret + ":" + version);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    private byte[] readValue(SecretPath secret) throws IOException {
        if (inFile != null) {
            if (Files.size(inFile) > Limits.MAX_SECRET_SIZE + 1024L) {
                throw new UserError("the file " + inFile + " is larger than 512 KiB, the most a secret may hold (value_too_large)");
            }
            return Files.readAllBytes(inFile);
        }
        if (!Terminal.isInteractive()) {
            byte[] piped = System.in.readNBytes(Limits.MAX_SECRET_SIZE + 1024 + 1);
            if (piped.length > Limits.MAX_SECRET_SIZE + 1024) {
                throw new UserError("the value on stdin is larger than 512 KiB, the most a secret may hold (value_too_large)");
            }
            return piped;
        }
        if (multiline) {
            err().println("Type the value of " + secret + ", then press Ctrl-D:");
            err().flush();
            return System.in.readNBytes(Limits.MAX_SECRET_SIZE + 1);
        }
        char[] typed = Terminal.askSecret("Please type in the value of the secret, followed by an [ENTER]: ");
        byte[] bytes = new String(typed).getBytes(StandardCharsets.UTF_8);
        Arrays.fill(typed, '\0');
        return bytes;
    }

    private static byte[] trim(byte[] value) {
        int start = 0;
        int end = value.length;
        while (start < end && Character.isWhitespace(value[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(value[end - 1])) {
            end--;
        }
        return Arrays.copyOfRange(value, start, end);
    }
}
