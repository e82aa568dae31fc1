package io.secrethub.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether a person is at the keyboard, and asking them things. */
public final class Terminal {
    private Terminal() {}

    /**
     * True when stdin and stdout are a terminal. From JDK 22 on, {@code System.console()} may exist
     * when they are not, so ask {@code Console.isTerminal()} when the runtime has it.
     */
    public static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public static String ask(String question) {
        requireInteractive(question);
        String answer = System.console().readLine("%s", question);
        return answer == null ? "" : answer.strip();
    }

    public static char[] askSecret(String question) {
        requireInteractive(question);
        char[] answer = System.console().readPassword("%s", question);
        return answer == null ? new char[0] : answer;
    }

    public static boolean confirm(String question) {
        String answer = ask(question + " [y/N]: ");
        return answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes");
    }

    private static void requireInteractive(String question) {
        if (!isInteractive()) {
            throw new UserError("cannot ask \"" + question.strip() + "\" without a terminal; pass the value as a flag");
        }
    }
}
