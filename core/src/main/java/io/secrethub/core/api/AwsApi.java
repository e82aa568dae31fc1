package io.secrethub.core.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.secrethub.core.crypto.SealedBox;

/** Wire types of the AWS identity provider: logins, sessions and AWS service accounts. */
public final class AwsApi {
    /** The header that binds a signed {@code sts:GetCallerIdentity} to one SecretHub server. */
    public static final String AUDIENCE_HEADER = "X-SecretHub-Audience";
    /** The only body the server ever sends to STS. */
    public static final String GET_CALLER_IDENTITY_BODY = "Action=GetCallerIdentity&Version=2011-06-15";
    public static final String GET_CALLER_IDENTITY_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
    /** KMS encryption context key; its value is the service id. */
    public static final String ENCRYPTION_CONTEXT_KEY = "secrethub:account";
    public static final String CREDENTIAL_TYPE = "aws";

    private AwsApi() {}

    /**
     * The audience a server expects by default: its public URL as {@code scheme://host[:port]}, the
     * same URL its clients use to reach it. Both sides derive it the same way.
     */
    /**
     * The audience of a creation proof: the server's audience bound to this one service account and
     * role, so a proof is neither a login nor reusable for another service account or role.
     */
    public static String creationAudience(String audience, String serviceId, String roleArn) {
        return audience + ";create-service=" + serviceId + ";role=" + roleArn;
    }

    public static String audienceFor(java.net.URI url) {
        String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = url.getHost().toLowerCase(java.util.Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /**
     * A signed, unsent {@code sts:GetCallerIdentity}: only the region and the signed headers. The
     * server rebuilds the URL and the body itself.
     */
    public record SignedCallerIdentity(String region, Map<String, String> headers) {
        /** The headers hold a signature and possibly a session token: never print them. */
        @Override
        public String toString() {
            return "SignedCallerIdentity[region=" + region + ", headers=" + (headers == null ? "none" : headers.keySet()) + "]";
        }
    }

    /** {@code POST /v1/auth/aws}. */
    public record LoginRequest(SignedCallerIdentity request) {}

    /** An HMAC session: sign requests with {@code sessionKey} and keyid {@code sessionId} until {@code expiresAt}. */
    public record Session(String sessionId, byte[] sessionKey, Instant expiresAt, String serviceId, String roleArn) {
        @Override
        public String toString() {
            return "Session[service=" + serviceId + ", expires=" + expiresAt + ", key redacted]";
        }
    }

    /** The account private key encrypted by {@code kms:Encrypt} under the customer's key. */
    public record KmsWrappedKey(String keyArn, byte[] ciphertext) {}

    /**
     * {@code POST /v1/namespaces/{ns}/repos/{repo}/services}: an AWS service account. The client picks
     * the service id and account id because both are bound into what it encrypts.
     */
    public record CreateServiceRequest(String serviceId, UUID accountId, String description, AccountApi.PublicKey publicKey,
                                       NewAwsCredential credential, SealedBox sealedIndexKey,
                                       AccessRuleRequest accessRule) {}

    public record NewAwsCredential(String roleArn, String roleUniqueId, String kmsKeyArn, KmsWrappedKey wrappedAccountKey,
                                   SignedCallerIdentity proof) {}

    /**
     * An access rule given at creation: the service's copies of every name and secret key below the
     * directory, sealed by the creator's client.
     */
    public record AccessRuleRequest(String dirBlindName, int permission, List<NodeName> names, List<SecretKeyCopy> keys) {}

    public record NodeName(UUID nodeId, SealedBox sealed) {}

    public record SecretKeyCopy(UUID keyId, SealedBox sealed) {}

    public record Service(String serviceId, UUID accountId, String repo, String description, String credentialType,
                          Map<String, String> metadata, Instant createdAt) {}
}
