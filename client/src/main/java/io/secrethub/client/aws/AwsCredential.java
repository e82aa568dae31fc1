package io.secrethub.client.aws;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

import io.secrethub.client.SecretHubException;
import io.secrethub.client.credentials.Credential;
import io.secrethub.client.http.ApiTransport;
import io.secrethub.core.api.AccountApi;
import io.secrethub.core.api.AwsApi;
import io.secrethub.core.crypto.CryptoException;
import io.secrethub.core.crypto.RecipientKeyPair;
import io.secrethub.core.signing.RequestSigner;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * The AWS identity provider: the process proves its IAM role with a signed, unsent
 * {@code sts:GetCallerIdentity}, and the customer's KMS key decrypts its account key. No key is
 * stored anywhere on the machine.
 */
public final class AwsCredential implements Credential {
    private final AwsConfig config;
    private volatile AwsApi.Session lastSession;

    private AwsCredential(AwsConfig config) {
        this.config = config;
    }

    public static AwsCredential create(AwsConfig config) {
        return new AwsCredential(config);
    }

    @Override
    public RequestSigner signer(ApiTransport api) {
        Region region = config.region().orElseThrow(AwsErrors::noRegion);
        return new SessionSigner(() -> login(api, region), Clock.systemUTC());
    }

    private AwsApi.Session login(ApiTransport api, Region region) {
        AwsApi.SignedCallerIdentity signed = CallerIdentitySigner.sign(resolveCredentials(), region,
                AwsClients.stsEndpoint(config, region), AwsApi.audienceFor(api.remote()), config.signingClock());
        try {
            AwsApi.Session session = api.call("POST", "/v1/auth/aws", new AwsApi.LoginRequest(signed), null, AwsApi.Session.class);
            lastSession = session;
            return session;
        } catch (SecretHubException e) {
            if ("signature_expired".equals(e.code())) {
                throw new SecretHubException("aws_clock_skew", e.getMessage() + " Synchronise this machine's clock (e.g. with NTP).",
                        e.status(), e);
            }
            throw e;
        }
    }

    AwsCredentials resolveCredentials() {
        try {
            return config.credentialsProvider().resolveCredentials();
        } catch (SdkClientException e) {
            throw AwsErrors.noCredentials(e, config.verboseErrors());
        } catch (SdkException e) {
            throw AwsErrors.wrap("load AWS credentials", e, config.verboseErrors());
        }
    }

    @Override
    public RecipientKeyPair openAccountKey(AccountApi.AccountKey accountKey) {
        AwsApi.KmsWrappedKey wrapped = accountKey.kmsWrappedPrivateKey();
        if (wrapped == null) {
            throw new SecretHubException("invalid_response", "the server sent no KMS-encrypted account key for this AWS service account");
        }
        String role = lastSession == null ? "the role of this process" : lastSession.roleArn();
        Region keyRegion = Region.of(KmsKeys.regionOf(wrapped.keyArn()));
        byte[] privateKey = null;
        try (KmsClient kms = AwsClients.kms(config, keyRegion)) {
            DecryptResponse response = kms.decrypt(r -> r
                    .keyId(wrapped.keyArn())
                    .ciphertextBlob(SdkBytes.fromByteArray(wrapped.ciphertext()))
                    .encryptionContext(Map.of(AwsApi.ENCRYPTION_CONTEXT_KEY, accountKey.accountName())));
            privateKey = response.plaintext().asByteArray();
            return RecipientKeyPair.fromPrivateKey(privateKey);
        } catch (KmsException e) {
            if (e.statusCode() == 403 || e.statusCode() == 400 && e.awsErrorDetails() != null
                    && "AccessDeniedException".equals(e.awsErrorDetails().errorCode())) {
                throw new SecretHubException("aws_kms_decrypt_denied", "kms:Decrypt was denied for role " + role + " on key "
                        + wrapped.keyArn() + ". Grant the role kms:Decrypt on that key.", e.statusCode(), e);
            }
            throw AwsErrors.wrap("kms:Decrypt of the account key with " + wrapped.keyArn(), e, config.verboseErrors());
        } catch (SdkException e) {
            throw AwsErrors.wrap("kms:Decrypt of the account key with " + wrapped.keyArn(), e, config.verboseErrors());
        } catch (CryptoException e) {
            throw new SecretHubException("account_key_mismatch", "KMS returned something that is not this account's key", 0, e);
        } finally {
            if (privateKey != null) {
                Arrays.fill(privateKey, (byte) 0);
            }
        }
    }

    @Override
    public String toString() {
        return "AwsCredential";
    }
}
