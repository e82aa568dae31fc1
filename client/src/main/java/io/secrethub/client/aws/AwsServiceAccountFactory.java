package io.secrethub.client.aws;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.secrethub.client.SecretHubException;
import io.secrethub.core.api.AwsApi;
import io.secrethub.core.crypto.RecipientKeyPair;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The AWS side of creating an AWS service account, with the creator's own AWS credentials: learn the
 * AWS account ({@code sts:GetCallerIdentity}), expand the role and key to ARNs, learn the role's
 * unique id when allowed ({@code iam:GetRole}), encrypt a new account key with {@code kms:Encrypt},
 * and sign a proof that the creator holds credentials in that account.
 */
public final class AwsServiceAccountFactory {
    private static final Pattern ROLE_ARN = Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::([0-9]{12}):role/(?:.*/)?([\\w+=,.@-]{1,64})");
    private static final Pattern ROLE_NAME = Pattern.compile("(?:role/)?([\\w+=,.@-]{1,64})");
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Everything the server needs, plus the new account's key pair for sealing its repo and access keys. */
    public record Prepared(String serviceId, UUID accountId, RecipientKeyPair accountKey, String awsAccount,
                           AwsApi.NewAwsCredential credential) {}

    private AwsServiceAccountFactory() {}

    public static Prepared prepare(AwsServiceAccountRequest request, String audience) {
        AwsConfig config = request.awsConfig();
        Region region = request.region() != null ? Region.of(request.region())
                : regionOfKeyArn(request.kmsKey()).or(config::region).orElseThrow(AwsErrors::noRegion);
        GetCallerIdentityResponse me = callerIdentity(config, region);
        String partition = me.arn().split(":")[1];
        String roleArn = roleArn(request.role(), partition, me.account());
        // Only a role in the creator's own account can be looked up; the server refuses any other anyway.
        String roleUniqueId = roleArn.split(":")[4].equals(me.account()) ? roleUniqueId(config, region, roleArn) : null;
        String keyRef = KmsKeys.toArn(request.kmsKey(), partition, region.id(), me.account());

        String serviceId = newServiceId();
        UUID accountId = UUID.randomUUID();
        RecipientKeyPair accountKey = RecipientKeyPair.generate();
        byte[] privateKey = accountKey.privateKeyBytes();
        EncryptResponse encrypted;
        Region keyRegion = Region.of(KmsKeys.regionOf(keyRef));
        try (KmsClient kms = AwsClients.kms(config, keyRegion)) {
            encrypted = kms.encrypt(r -> r.keyId(keyRef).plaintext(SdkBytes.fromByteArray(privateKey))
                    .encryptionContext(Map.of(AwsApi.ENCRYPTION_CONTEXT_KEY, serviceId)));
        } catch (NotFoundException e) {
            throw new SecretHubException("aws_kms_key_not_found", "the KMS key " + keyRef + " does not exist in region " + keyRegion.id(), 404, e);
        } catch (KmsException e) {
            if (e.statusCode() == 403 || e.statusCode() == 400 && e.awsErrorDetails() != null
                    && "AccessDeniedException".equals(e.awsErrorDetails().errorCode())) {
                throw new SecretHubException("aws_kms_encrypt_denied", "kms:Encrypt was denied for you on the key " + keyRef
                        + ". Make yourself a key user or key administrator of that key.", e.statusCode(), e);
            }
            throw AwsErrors.wrap("kms:Encrypt with " + keyRef, e, config.verboseErrors());
        } catch (SdkException e) {
            throw AwsErrors.wrap("kms:Encrypt with " + keyRef, e, config.verboseErrors());
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
        AwsApi.SignedCallerIdentity proof = CallerIdentitySigner.sign(resolve(config), region, AwsClients.stsEndpoint(config, region),
                AwsApi.creationAudience(audience, serviceId, roleArn),
                config.signingClock());
        var credential = new AwsApi.NewAwsCredential(roleArn, roleUniqueId, encrypted.keyId(),
                new AwsApi.KmsWrappedKey(encrypted.keyId(), encrypted.ciphertextBlob().asByteArray()), proof);
        return new Prepared(serviceId, accountId, accountKey, me.account(), credential);
    }

    private static java.util.Optional<Region> regionOfKeyArn(String key) {
        return KmsKeys.isArn(key) ? java.util.Optional.of(Region.of(KmsKeys.regionOf(key))) : java.util.Optional.empty();
    }

    private static GetCallerIdentityResponse callerIdentity(AwsConfig config, Region region) {
        try (StsClient sts = AwsClients.sts(config, region)) {
            return sts.getCallerIdentity();
        } catch (AwsServiceException e) {
            throw AwsErrors.stsRejected(e);
        } catch (SdkClientException e) {
            if (AwsErrors.isMissingCredentials(e)) {
                throw AwsErrors.noCredentials(e, config.verboseErrors());
            }
            throw AwsErrors.wrap("call sts:GetCallerIdentity", e, config.verboseErrors());
        }
    }

    static String roleArn(String role, String partition, String account) {
        Matcher arn = ROLE_ARN.matcher(role);
        if (arn.matches()) {
            return role;
        }
        Matcher name = ROLE_NAME.matcher(role);
        if (!name.matches()) {
            throw new SecretHubException("invalid_role", "'" + role + "' is not an IAM role name or ARN");
        }
        return "arn:" + partition + ":iam::" + account + ":role/" + name.group(1);
    }

    /** The role's unique id (AROA…) when the creator may read the role; binding it stops a re-created role. */
    private static String roleUniqueId(AwsConfig config, Region region, String roleArn) {
        Matcher m = ROLE_ARN.matcher(roleArn);
        if (!m.matches()) {
            return null;
        }
        try (IamClient iam = AwsClients.iam(config, region)) {
            return iam.getRole(r -> r.roleName(m.group(3))).role().roleId();
        } catch (NoSuchEntityException e) {
            throw new SecretHubException("aws_role_not_found", "the IAM role " + roleArn + " does not exist", 404, e);
        } catch (IamException e) {
            // Optional: without iam:GetRole the server binds the unique id at the first login instead.
            return null;
        } catch (SdkException e) {
            return null;
        }
    }

    private static software.amazon.awssdk.auth.credentials.AwsCredentials resolve(AwsConfig config) {
        try {
            return config.credentialsProvider().resolveCredentials();
        } catch (SdkClientException e) {
            throw AwsErrors.noCredentials(e, config.verboseErrors());
        }
    }

    static String newServiceId() {
        StringBuilder id = new StringBuilder("s-");
        for (int i = 0; i < 12; i++) {
            id.append(ID_CHARS.charAt(RANDOM.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}
