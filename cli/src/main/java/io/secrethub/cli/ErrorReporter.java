package io.secrethub.cli;

import io.secrethub.client.SecretHubException;
import io.secrethub.core.crypto.CryptoException;
import io.secrethub.core.path.InvalidPathException;
import picocli.CommandLine;

/** Turns failures into one clear line on stderr and exit code 1; never a stack trace. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        String message = switch (e) {
            case SecretHubException s -> s.getMessage() + " (" + s.code() + ")";
            case InvalidPathException p -> p.getMessage() + " (invalid_path)";
            case CryptoException c -> c.getMessage() + " (crypto_error)";
            case UserError u -> u.getMessage();
            default -> "unexpected error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        };
        cli.getErr().println("Encountered an error: " + message);
        cli.getErr().flush();
        return 1;
    }
}
