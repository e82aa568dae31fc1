package io.secrethub.cli.commands;

import io.secrethub.cli.Terminal;
import io.secrethub.cli.UserError;

/** Destructive commands ask first, or need {@code --force} when nobody can be asked. */
final class Confirmation {
    private Confirmation() {}

    static void require(boolean force, String what, String typeToConfirm) {
        if (force) {
            return;
        }
        if (!Terminal.isInteractive()) {
            throw new UserError("refusing to " + what + " without confirmation; use --force (cannot_do_without_force)");
        }
        String typed = Terminal.ask("This will " + what + ". Type " + typeToConfirm + " to confirm: ");
        if (!typed.equals(typeToConfirm)) {
            throw new UserError("aborted: the name you typed does not match");
        }
    }
}
