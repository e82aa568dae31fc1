package io.secrethub.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.attribute.PosixFilePermissions;

import io.secrethub.cli.UserError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code secrethub read --file-mode}: octal modes become POSIX permissions. */
class ReadCommandTest {
    @ParameterizedTest
    @CsvSource({
            "0600, rw-------",
            "640,  rw-r-----",
            "0755, rwxr-xr-x",
            "0421, r---w---x",
            "0000, ---------",
            "777,  rwxrwxrwx",
    })
    void octalModeBecomesPermissions(String mode, String expected) {
        assertThat(ReadCommand.parseMode(mode)).isEqualTo(PosixFilePermissions.fromString(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"999", "abc", "01234", "60", "0o600", "+600", "1600", "600 ", ""})
    void notAnOctalModeIsRefused(String mode) {
        assertThatThrownBy(() -> ReadCommand.parseMode(mode))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("must be an octal mode such as 0600");
    }
}
