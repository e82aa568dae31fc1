package io.secrethub.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * moto set up the way a new user would with awscli: a KMS key, IAM roles, and a creator IAM user with
 * an access key; then IAM enforcement switched on. Hands out role credentials from real
 * {@code sts assume-role} calls.
 */
final class AwsEmulator implements AutoCloseable {
    static final String REGION = "us-east-1";
    private static final String TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},
             "Action":["sts:AssumeRole","sts:AssumeRoleWithWebIdentity"]}]}""";
    private static final String DECRYPT_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}""";
    // The creator needs kms:Encrypt, sts:* and iam:GetRole; iam:* lets tests delete and re-create roles.
    private static final String CREATOR_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:*","sts:*","iam:*"],"Resource":"*"}]}""";

    final MotoServer moto;
    final String kmsKeyArn;
    final FakeCredentialEndpoints.RoleCredentials creator;
    private final Path dir;

    private AwsEmulator(MotoServer moto, String kmsKeyArn, FakeCredentialEndpoints.RoleCredentials creator, Path dir) {
        this.moto = moto;
        this.kmsKeyArn = kmsKeyArn;
        this.creator = creator;
        this.dir = dir;
    }

    /** @param rolesWithDecrypt roles allowed kms:Decrypt; @param rolesWithout roles without it */
    static AwsEmulator start(Path dir, String[] rolesWithDecrypt, String[] rolesWithout) throws Exception {
        MotoServer moto = MotoServer.start(dir.resolve("moto.log"));
        try {
            AwsCli setup = new AwsCli(moto.url(), "testing", "testing", null);
            Files.writeString(dir.resolve("trust.json"), TRUST_POLICY);
            Files.writeString(dir.resolve("decrypt.json"), DECRYPT_POLICY);
            Files.writeString(dir.resolve("creator.json"), CREATOR_POLICY);
            // Step 1 of the seed: the KMS key.
            String key = setup.run("kms", "create-key", "--description", "secrethub", "--query", "KeyMetadata.Arn");
            // Step 2: roles; only some may decrypt.
            for (String role : rolesWithDecrypt) {
                createRole(setup, dir, role, true);
            }
            for (String role : rolesWithout) {
                createRole(setup, dir, role, false);
            }
            setup.run("iam", "create-user", "--user-name", "creator");
            setup.run("iam", "put-user-policy", "--user-name", "creator", "--policy-name", "creator",
                    "--policy-document", "file://" + dir.resolve("creator.json"));
            String[] keys = setup.run("iam", "create-access-key", "--user-name", "creator",
                    "--query", "AccessKey.[AccessKeyId,SecretAccessKey]").split("\\s+");
            moto.enforceIam();
            return new AwsEmulator(moto, key, new FakeCredentialEndpoints.RoleCredentials(keys[0], keys[1], null), dir);
        } catch (Exception e) {
            moto.close();
            throw e;
        }
    }

    static void createRole(AwsCli aws, Path dir, String role, boolean decrypt) throws Exception {
        aws.run("iam", "create-role", "--role-name", role, "--assume-role-policy-document", "file://" + dir.resolve("trust.json"));
        if (decrypt) {
            aws.run("iam", "put-role-policy", "--role-name", role, "--policy-name", "decrypt",
                    "--policy-document", "file://" + dir.resolve("decrypt.json"));
        }
    }

    AwsCli asCreator() {
        return new AwsCli(moto.url(), creator.accessKeyId(), creator.secretAccessKey(), null);
    }

    Path dir() {
        return dir;
    }

    /** Real {@code sts assume-role} as the creator; the session name is what the audit shows (instance, task, function). */
    FakeCredentialEndpoints.RoleCredentials assumeRole(String role, String sessionName) throws Exception {
        String[] c = asCreator().run("sts", "assume-role", "--role-arn", "arn:aws:iam::" + MotoServer.ACCOUNT + ":role/" + role,
                "--role-session-name", sessionName, "--query", "Credentials.[AccessKeyId,SecretAccessKey,SessionToken]").split("\\s+");
        return new FakeCredentialEndpoints.RoleCredentials(c[0], c[1], c[2]);
    }

    /**
     * An environment with nothing AWS from this machine: no config files, no instance metadata, moto
     * for every AWS endpoint.
     */
    Map<String, String> baseEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_ENDPOINT_URL", moto.url());
        env.put("AWS_REGION", REGION);
        return env;
    }

    Map<String, String> withCredentials(FakeCredentialEndpoints.RoleCredentials c) {
        Map<String, String> env = baseEnvironment();
        env.put("AWS_ACCESS_KEY_ID", c.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", c.secretAccessKey());
        if (c.sessionToken() != null) {
            env.put("AWS_SESSION_TOKEN", c.sessionToken());
        }
        return env;
    }

    @Override
    public void close() throws Exception {
        moto.close();
    }
}
