package io.secrethub.cli.commands;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.secrethub.cli.UserError;
import io.secrethub.client.SecretHubClient;
import io.secrethub.core.path.SecretPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a random secret value and write it as a new version.")
final class GenerateCommand extends ClientCommand {
    static final Map<String, String> CHARSETS = new LinkedHashMap<>();

    static {
        CHARSETS.put("numeric", "0123456789");
        CHARSETS.put("lowercase", "abcdefghijklmnopqrstuvwxyz");
        CHARSETS.put("uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        CHARSETS.put("letters", CHARSETS.get("lowercase") + CHARSETS.get("uppercase"));
        CHARSETS.put("alphanumeric", CHARSETS.get("numeric") + CHARSETS.get("letters"));
        CHARSETS.put("symbols", "!@#$%^*-_+=.,?");
        CHARSETS.put("all", CHARSETS.get("alphanumeric") + CHARSETS.get("symbols"));
        // No look-alikes (0/O, 1/l/I) for values people read out or type.
        CHARSETS.put("human-readable", "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ");
    }

    @Parameters(paramLabel = "<secret-path>")
    String path;

    @Option(names = {"-l", "--length"}, defaultValue = "22", description = "The length of the value (default ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--charset", split = ",", defaultValue = "alphanumeric", paramLabel = "<charset>",
            description = "Characters to use: all, alphanumeric (default), numeric, lowercase, uppercase, letters, symbols, "
                    + "human-readable. Combine them with commas.")
    List<String> charsets;

    @Option(names = "--min", paramLabel = "<charset>:<n>",
            description = "At least <n> characters from <charset>, e.g. --min symbols:2. Repeatable.")
    List<String> minimums = new ArrayList<>();

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    void run(SecretHubClient client) {
        SecretPath secret = SecretPath.parse(path);
        char[] value = generate(length, charsets, minimums);
        byte[] bytes = new String(value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Arrays.fill(value, '\0');
        try {
            int version = client.write(secret.toString(), bytes);
            out().println("A randomly generated secret has been written to " + secret + ":" + version);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static char[] generate(int length, List<String> charsets, List<String> minimums) {
        if (length < 1 || length > 4096) {
            throw new UserError("--length must be between 1 and 4096");
        }
        Set<Character> pool = new LinkedHashSet<>();
        for (String name : charsets) {
            add(pool, charset(name));
        }
        List<String> required = new ArrayList<>();
        int requiredCount = 0;
        for (String min : minimums) {
            String[] parts = min.split(":", 2);
            if (parts.length != 2 || !parts[1].matches("[0-9]{1,4}")) {
                throw new UserError("--min '" + min + "' must be <charset>:<n>, e.g. symbols:2");
            }
            String set = charset(parts[0]);
            add(pool, set);
            for (int i = 0; i < Integer.parseInt(parts[1]); i++) {
                required.add(set);
            }
            requiredCount += Integer.parseInt(parts[1]);
        }
        if (requiredCount > length) {
            throw new UserError("the --min counts add up to " + requiredCount + ", more than --length " + length);
        }
        if (pool.isEmpty()) {
            throw new UserError("--charset names no characters; use one of " + String.join(", ", CHARSETS.keySet()));
        }
        char[] all = new char[pool.size()];
        int k = 0;
        for (char c : pool) {
            all[k++] = c;
        }
        char[] value = new char[length];
        for (int i = 0; i < length; i++) {
            String from = i < required.size() ? required.get(i) : null;
            value[i] = from != null ? from.charAt(RANDOM.nextInt(from.length())) : all[RANDOM.nextInt(all.length)];
        }
        // Fisher-Yates, so the required characters are not all at the front.
        for (int i = length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = value[i];
            value[i] = value[j];
            value[j] = t;
        }
        return value;
    }

    private static String charset(String name) {
        String set = CHARSETS.get(name.trim().toLowerCase(java.util.Locale.ROOT));
        if (set == null) {
            throw new UserError("unknown charset '" + name + "'; use one of " + String.join(", ", CHARSETS.keySet()));
        }
        return set;
    }

    private static void add(Set<Character> pool, String set) {
        for (char c : set.toCharArray()) {
            pool.add(c);
        }
    }
}
