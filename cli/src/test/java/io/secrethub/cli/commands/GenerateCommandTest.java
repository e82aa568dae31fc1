package io.secrethub.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.secrethub.cli.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code secrethub generate}: the value's length, its alphabet and the --min guarantees. */
class GenerateCommandTest {
    static final int RUNS = 2000;
    static final String SYMBOLS = "!@#$%^*-_+=.,?";

    static String generate(int length, List<String> charsets, List<String> minimums) {
        return new String(GenerateCommand.generate(length, charsets, minimums));
    }

    static long countOf(String value, String alphabet) {
        return value.chars().filter(c -> alphabet.indexOf(c) >= 0).count();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 22, 4096})
    void lengthIsHonoured(int length) {
        assertThat(generate(length, List.of("alphanumeric"), List.of())).hasSize(length);
    }

    @Test
    void onlyCharactersOfTheChosenCharset() {
        for (int i = 0; i < RUNS; i++) {
            assertThat(generate(32, List.of("numeric"), List.of())).matches("[0-9]{32}");
            assertThat(generate(32, List.of("human-readable"), List.of())).doesNotContainPattern("[01OlI]").matches("[0-9a-zA-Z]{32}");
        }
    }

    @Test
    void minSymbolsGuaranteesAtLeastThatManySymbols() {
        for (int i = 0; i < RUNS; i++) {
            String value = generate(8, List.of("alphanumeric"), List.of("symbols:3"));
            assertThat(countOf(value, SYMBOLS)).as(value).isGreaterThanOrEqualTo(3);
            assertThat(value).hasSize(8);
        }
    }

    @Test
    void minimumsThatFillTheWholeLengthAreHonoured() {
        for (int i = 0; i < RUNS; i++) {
            String value = generate(5, List.of("lowercase"), List.of("numeric:2", "uppercase:3"));
            assertThat(countOf(value, "0123456789")).as(value).isEqualTo(2);
            assertThat(countOf(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")).as(value).isEqualTo(3);
        }
    }

    @Test
    void requiredCharactersAreShuffledIntoTheValue() {
        boolean letterAtTheFront = false;
        for (int i = 0; i < RUNS && !letterAtTheFront; i++) {
            String value = generate(16, List.of("lowercase"), List.of("numeric:8"));
            letterAtTheFront = !value.substring(0, 8).matches("[0-9]{8}");
        }
        assertThat(letterAtTheFront).as("the 8 required digits are always the first 8 characters").isTrue();
    }

    @Test
    void combinedCharsetsDrawFromTheirUnion() {
        boolean sawDigit = false;
        boolean sawSymbol = false;
        for (int i = 0; i < RUNS; i++) {
            String value = generate(16, List.of("numeric", "symbols"), List.of());
            assertThat(countOf(value, "0123456789" + SYMBOLS)).as(value).isEqualTo(16);
            sawDigit |= countOf(value, "0123456789") > 0;
            sawSymbol |= countOf(value, SYMBOLS) > 0;
        }
        assertThat(sawDigit).isTrue();
        assertThat(sawSymbol).isTrue();
    }

    @Test
    void charsetNamesIgnoreCaseAndSpaces() {
        assertThat(generate(12, List.of(" Numeric "), List.of())).matches("[0-9]{12}");
    }

    @Test
    void unknownCharsetIsRefused() {
        assertThatThrownBy(() -> generate(10, List.of("emoji"), List.of()))
                .isInstanceOf(UserError.class).hasMessageContaining("unknown charset 'emoji'");
        assertThatThrownBy(() -> generate(10, List.of("numeric"), List.of("emoji:1")))
                .isInstanceOf(UserError.class).hasMessageContaining("unknown charset 'emoji'");
    }

    @Test
    void minimumsAddingUpToMoreThanTheLengthAreRefused() {
        assertThatThrownBy(() -> generate(5, List.of("alphanumeric"), List.of("symbols:3", "numeric:3")))
                .isInstanceOf(UserError.class).hasMessageContaining("add up to 6, more than --length 5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"symbols", "symbols:", "symbols:x", "symbols:-1", "symbols:12345", "symbols:2:3"})
    void malformedMinIsRefused(String min) {
        assertThatThrownBy(() -> generate(10, List.of("alphanumeric"), List.of(min)))
                .isInstanceOf(UserError.class).hasMessageContaining("must be <charset>:<n>");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 4097})
    void lengthOutOfRangeIsRefused(int length) {
        assertThatThrownBy(() -> generate(length, List.of("alphanumeric"), List.of()))
                .isInstanceOf(UserError.class).hasMessageContaining("--length must be between 1 and 4096");
    }

    @org.junit.jupiter.api.Test
    void anEmptyCharsetListIsAUserError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GenerateCommand.generate(10, java.util.List.of(), java.util.List.of()))
                .isInstanceOf(io.secrethub.cli.UserError.class).hasMessageContaining("no characters");
    }
}
