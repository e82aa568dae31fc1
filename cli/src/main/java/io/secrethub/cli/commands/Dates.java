package io.secrethub.cli.commands;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** "5 minutes ago" for people, ISO-8601 for machines. */
final class Dates {
    private Dates() {}

    static String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration ago = Duration.between(instant, Instant.now());
        if (ago.isNegative() || ago.toSeconds() < 60) {
            return "About a minute ago";
        }
        if (ago.toMinutes() < 60) {
            return plural(ago.toMinutes(), "minute");
        }
        if (ago.toHours() < 24) {
            return plural(ago.toHours(), "hour");
        }
        if (ago.toDays() < 30) {
            return plural(ago.toDays(), "day");
        }
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }
}
