package io.secrethub.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SuiteV1Test {
    private final UUID secretId = UUID.randomUUID();
    private final UUID accountId = UUID.randomUUID();

    @Test
    void sealedBoxOpensOnlyForItsOwnBindingContext() {
        RecipientKeyPair account = RecipientKeyPair.generate();
        UUID keyId = UUID.randomUUID();
        byte[] key = SecretKey.generate().bytes();
        SealedBox box = account.publicKey().seal(key, SealPurpose.SECRET_KEY, BindingContext.secretKey(secretId, keyId, accountId));

        assertThat(box.suite()).isEqualTo("v1");
        assertThat(account.open(box, SealPurpose.SECRET_KEY, BindingContext.secretKey(secretId, keyId, accountId))).isEqualTo(key);
        assertThatThrownBy(() -> account.open(box, SealPurpose.SECRET_KEY, BindingContext.secretKey(UUID.randomUUID(), keyId, accountId)))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> account.open(box, SealPurpose.NAME, BindingContext.secretKey(secretId, keyId, accountId)))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> RecipientKeyPair.generate().open(box, SealPurpose.SECRET_KEY, BindingContext.secretKey(secretId, keyId, accountId)))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void tamperedSealedBoxIsRefused() {
        RecipientKeyPair account = RecipientKeyPair.generate();
        BindingContext ctx = BindingContext.name(UUID.randomUUID(), accountId);
        SealedBox box = account.publicKey().seal("db".getBytes(StandardCharsets.UTF_8), SealPurpose.NAME, ctx);
        byte[] ct = box.ciphertext().clone();
        ct[0] ^= 1;
        assertThatThrownBy(() -> account.open(new SealedBox("v1", box.enc(), ct), SealPurpose.NAME, ctx)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> account.open(new SealedBox("v2", box.enc(), box.ciphertext()), SealPurpose.NAME, ctx))
                .hasMessageContaining("suite 'v2'");
    }

    @Test
    void secretValueIsBoundToSecretAndVersion() {
        SecretKey key = SecretKey.generate();
        byte[] value = "hunter2".getBytes(StandardCharsets.UTF_8);
        EncryptedValue v3 = key.encrypt(value, BindingContext.version(secretId, 3));

        assertThat(key.decrypt(v3, BindingContext.version(secretId, 3))).isEqualTo(value);
        assertThatThrownBy(() -> key.decrypt(v3, BindingContext.version(secretId, 5))).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> key.decrypt(v3, BindingContext.version(UUID.randomUUID(), 3))).isInstanceOf(CryptoException.class);
        assertThat(v3.nonce()).hasSize(12);
        assertThat(key.encrypt(value, BindingContext.version(secretId, 3)).nonce()).isNotEqualTo(v3.nonce());
    }

    @Test
    void bindingContextFieldsCannotBeShiftedIntoEachOther() {
        UUID a = UUID.randomUUID();
        assertThat(BindingContext.accountKey(a, "ab")).isNotEqualTo(BindingContext.accountKey(a, "a"));
        assertThat(BindingContext.name(a, accountId)).isNotEqualTo(BindingContext.repoKey(a, accountId));
    }

    @Test
    void blindNamesAreDeterministicPerKeyAndPath() {
        RepoIndexKey key = RepoIndexKey.generate();
        String blind = key.blindName("alice/app/db");
        assertThat(blind).matches(RepoIndexKey.BLIND_NAME);
        assertThat(key.blindName("alice/app/db")).isEqualTo(blind);
        assertThat(key.blindName("alice/app/dc")).isNotEqualTo(blind);
        assertThat(RepoIndexKey.generate().blindName("alice/app/db")).isNotEqualTo(blind);
    }

    @Test
    void keyCredentialIsDerivedFromItsSeedAndOpensItsAccountKey() {
        KeyCredential credential = KeyCredential.generate();
        KeyCredential same = KeyCredential.fromSeed(credential.seed());
        assertThat(same.fingerprint()).isEqualTo(credential.fingerprint()).matches(Fingerprints.FORMAT);
        assertThat(same.verifier()).isEqualTo(credential.verifier());

        RecipientKeyPair accountKey = RecipientKeyPair.generate();
        SealedBox sealed = credential.sealAccountKey(accountKey, accountId);
        assertThat(same.openAccountKey(sealed, accountId).publicKey()).isEqualTo(accountKey.publicKey());
        assertThatThrownBy(() -> KeyCredential.generate().openAccountKey(sealed, accountId)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> same.openAccountKey(sealed, UUID.randomUUID())).isInstanceOf(CryptoException.class);

        byte[] message = "message".getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519.verify(credential.verifier(), message, same.sign(message))).isTrue();
        assertThat(credential.toString()).doesNotContain(Hex.encode(credential.seed()));
    }

    @Test
    void destroyedKeysRefuseToWork() {
        SecretKey key = SecretKey.generate();
        key.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(() -> key.encrypt(new byte[1], BindingContext.version(secretId, 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void passphraseKeyRejectsWrongPassphraseAndAlteredHeader() {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        byte[] header = "header".getBytes(StandardCharsets.UTF_8);
        byte[] key = PassphraseKey.derive("correct horse".toCharArray(), salt, PassphraseKey.MIN_MEMORY_KIB, 2, 1);
        byte[] ct = PassphraseKey.encrypt(key, nonce, header, new byte[] {1, 2, 3});

        assertThat(PassphraseKey.decrypt(key, nonce, header, ct)).containsExactly(1, 2, 3);
        byte[] wrong = PassphraseKey.derive("wrong".toCharArray(), salt, PassphraseKey.MIN_MEMORY_KIB, 2, 1);
        assertThatThrownBy(() -> PassphraseKey.decrypt(wrong, nonce, header, ct)).isInstanceOf(PassphraseKey.WrongPassphraseException.class);
        assertThatThrownBy(() -> PassphraseKey.decrypt(key, nonce, "headex".getBytes(StandardCharsets.UTF_8), ct))
                .isInstanceOf(PassphraseKey.WrongPassphraseException.class);
        assertThatThrownBy(() -> PassphraseKey.derive("x".toCharArray(), salt, 1024, 1, 1)).hasMessageContaining("outside the accepted range");
    }

    @Test
    void secretIdsAreDerivedFromBlindNames() {
        RepoIndexKey key = RepoIndexKey.generate();
        String prod = key.blindName("alice/app/prod/db/password");
        String staging = key.blindName("alice/app/staging/db/password");
        UUID id = SecretIds.forBlindName(prod);
        assertThat(SecretIds.forBlindName(prod)).isEqualTo(id);
        assertThat(SecretIds.forBlindName(staging)).isNotEqualTo(id);
        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
    }
}
