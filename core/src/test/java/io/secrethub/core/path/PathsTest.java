package io.secrethub.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathsTest {

    @Test
    void parsesSecretPathWithVersion() {
        SecretPath p = SecretPath.parse("Alice/App/prod/DB_Password:3");
        assertThat(p.repo()).isEqualTo(new RepoPath("Alice", "App"));
        assertThat(p.parent().dirs()).containsExactly("prod");
        assertThat(p.name()).isEqualTo("DB_Password");
        assertThat(p.version()).isEqualTo(3);
        assertThat(p.toString()).isEqualTo("Alice/App/prod/DB_Password:3");
    }

    @Test
    void latestAndMissingVersionMeanLatest() {
        assertThat(SecretPath.parse("alice/app/s:latest").version()).isNull();
        assertThat(SecretPath.parse("alice/app/s:LATEST").version()).isNull();
        assertThat(SecretPath.parse("alice/app/s").version()).isNull();
    }

    @Test
    void namesKeepTheirCaseButBlindCaseInsensitively() {
        SecretPath upper = SecretPath.parse("Alice/App/Prod/Key");
        SecretPath lower = SecretPath.parse("alice/app/prod/key");
        assertThat(upper.toString()).isEqualTo("Alice/App/Prod/Key");
        assertThat(upper.blindInput()).isEqualTo(lower.blindInput()).isEqualTo("alice/app/prod/key");
    }

    @Test
    void trailingSlashIsTrimmed() {
        assertThat(DirPath.parse("alice/app/dir/").toString()).isEqualTo("alice/app/dir");
        assertThat(RepoPath.parse("alice/app/").toString()).isEqualTo("alice/app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice/app", "alice", "/alice/app/x", "alice//app/x", "alice/app/x:0", "alice/app/x:abc",
            "alice/app/x:1234567890", "alice/app/...", "alice/app/sp ace", "alice/app/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "s-alice/app/x", "al/app/x", "___/app/x", "alice/app/x\u0000y", "alice/app/é"})
    void rejectsMalformedSecretPaths(String path) {
        assertThatThrownBy(() -> SecretPath.parse(path)).isInstanceOf(InvalidPathException.class)
                .hasMessageNotContaining("\u0000");
    }

    @Test
    void messagesSayWhichRuleIsBroken() {
        assertThatThrownBy(() -> SecretPath.parse("alice/app/x:0")).hasMessageContaining("version");
        assertThatThrownBy(() -> SecretPath.parse("alice/app")).hasMessageContaining("<namespace>/<repo>");
        assertThatThrownBy(() -> DirPath.parse("alice/app/a b")).hasMessageContaining("may only contain");
        assertThatThrownBy(() -> RepoPath.parse("s-bot/app")).hasMessageContaining("s-");
        assertThatThrownBy(() -> RepoPath.parse("alice/" + "r".repeat(33))).hasMessageContaining("1 to 32");
    }

    @Test
    void dirPathNavigation() {
        DirPath d = DirPath.parse("alice/app/a/b");
        assertThat(d.parent().toString()).isEqualTo("alice/app/a");
        assertThat(d.parent().parent().isRoot()).isTrue();
        assertThat(d.child("c").toString()).isEqualTo("alice/app/a/b/c");
        assertThat(d.name()).isEqualTo("b");
        assertThat(d.parent().parent().name()).isEqualTo("app");
    }
}
