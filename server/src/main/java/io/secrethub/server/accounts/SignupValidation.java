package io.secrethub.server.accounts;

import static io.secrethub.server.http.RequestFields.invalid;
import static io.secrethub.server.http.RequestFields.required;

import io.secrethub.core.api.AccountApi;
import io.secrethub.core.crypto.CryptoException;
import io.secrethub.core.crypto.Ed25519;
import io.secrethub.core.crypto.Fingerprints;
import io.secrethub.core.crypto.KeyCredential;
import io.secrethub.core.crypto.RecipientPublicKey;
import io.secrethub.core.path.Names;
import io.secrethub.server.http.RequestFields;

/** The rules a sign-up request must meet before anything is stored. */
final class SignupValidation {
    static final int MAX_EMAIL = 254;
    static final int MAX_FULL_NAME = 128;
    static final int MAX_DESCRIPTION = 32;

    private SignupValidation() {}

    static void check(AccountApi.SignupRequest request) {
        required(request.accountId(), "account_id");
        Names.requireUsername(required(request.username(), "username"));
        checkEmail(required(request.email(), "email"));
        if (request.fullName() != null) {
            checkText(request.fullName(), "full_name", MAX_FULL_NAME);
        }
        RequestFields.publicKey(request.publicKey(), "public_key");
        try {
            RecipientPublicKey.of(request.publicKey().suite(), request.publicKey().key());
        } catch (CryptoException e) {
            throw invalid("public_key.key", "is not a valid X25519 public key");
        }
        checkCredential(required(request.credential(), "credential"), "credential");
    }

    /** The first credential of an account: a key credential whose fingerprint we recompute. */
    static void checkCredential(AccountApi.NewCredential credential, String field) {
        if (!KeyCredential.TYPE.equals(required(credential.type(), field + ".type"))) {
            throw invalid(field + ".type", "must be '" + KeyCredential.TYPE + "'");
        }
        byte[] verifier = required(credential.verifier(), field + ".verifier");
        if (verifier.length != Ed25519.PUBLIC_KEY_LENGTH) {
            throw invalid(field + ".verifier", "must be an Ed25519 public key of " + Ed25519.PUBLIC_KEY_LENGTH + " bytes");
        }
        String fingerprint = required(credential.fingerprint(), field + ".fingerprint");
        if (!fingerprint.equals(Fingerprints.of(KeyCredential.TYPE, verifier))) {
            throw invalid(field + ".fingerprint", "does not match the verifier");
        }
        if (credential.description() != null) {
            checkText(credential.description(), field + ".description", MAX_DESCRIPTION);
        }
        RequestFields.sealedBox(credential.sealedAccountKey(), field + ".sealed_account_key");
    }

    private static void checkEmail(String email) {
        if (email.isEmpty() || email.length() > MAX_EMAIL) {
            throw invalid("email", "must be 1 to " + MAX_EMAIL + " characters long");
        }
        if (email.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp))) {
            throw invalid("email", "must not contain spaces or control characters");
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            throw invalid("email", "must have the form name@domain, with exactly one '@'");
        }
    }

    private static void checkText(String text, String field, int max) {
        if (text.length() > max) {
            throw invalid(field, "must be at most " + max + " characters long");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid(field, "must not contain control characters");
        }
    }
}
