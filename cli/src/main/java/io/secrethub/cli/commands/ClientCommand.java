package io.secrethub.cli.commands;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.secrethub.cli.ClientFactory;
import io.secrethub.cli.GlobalOptions;
import io.secrethub.client.SecretHubClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the server with the configured credential. */
abstract class ClientCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    GlobalOptions options() {
        return ((SecretHubCommand) spec.root().userObject()).options();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() throws Exception {
        try (SecretHubClient client = ClientFactory.client(options())) {
            run(client);
        }
        out().flush();
        return 0;
    }

    abstract void run(SecretHubClient client) throws Exception;
}
