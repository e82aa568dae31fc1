package io.secrethub.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.secrethub.core.crypto.SealedBox;

class DatabaseTest {
    @TempDir
    Path tmp;
    Database database;

    @BeforeEach
    void open() {
        database = Database.openSqlite(tmp.resolve("data"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theDataDirectoryIsPrivateAndTheFileIsInWalMode() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("data")))).isEqualTo("rwx------");
        assertThat(Files.exists(tmp.resolve("data").resolve(Database.SQLITE_FILE + "-wal"))).isTrue();
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        assertThatThrownBy(() -> database.write(stores -> {
            AccountRow alice = account("alice");
            stores.accounts().insert(alice, credential(alice.id()));
            throw new IllegalStateException("refused half-way");
        })).hasMessage("refused half-way");
        Optional<AccountRow> found = database.read(stores -> stores.accounts().findByName("alice"));
        assertThat(found).isEmpty();
    }

    @Test
    void foreignKeysAreEnforcedOnEveryConnection() {
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> database.write(stores -> {
                stores.nodes().insertName(UUID.randomUUID(), UUID.randomUUID(), new SealedBox("v1", new byte[32], new byte[20]));
                return null;
            })).hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void namesAreUniqueRegardlessOfCase() {
        database.write(stores -> {
            AccountRow alice = account("Alice");
            stores.accounts().insert(alice, credential(alice.id()));
            return null;
        });
        Optional<AccountRow> found = database.read(stores -> stores.accounts().findByName("aLiCe"));
        assertThat(found).isPresent();
        assertThatThrownBy(() -> database.write(stores -> {
            AccountRow again = account("ALICE");
            stores.accounts().insert(again, credential(again.id()));
            return null;
        })).hasMessageContaining("UNIQUE");
    }

    private static AccountRow account(String name) {
        return new AccountRow(UUID.randomUUID(), name, AccountRow.USER, "v1", new byte[32], name + "@example.com", null,
                Instant.now());
    }

    private static CredentialRow credential(UUID accountId) {
        return new CredentialRow(UUID.randomUUID().toString().replace("-", ""), accountId, "key", new byte[32], null, true,
                new SealedBox("v1", new byte[32], new byte[48]), Instant.now());
    }
}
