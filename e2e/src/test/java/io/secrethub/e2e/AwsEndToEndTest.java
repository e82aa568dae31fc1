package io.secrethub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.secrethub.client.SecretHubClient;
import io.secrethub.client.SecretHubException;
import io.secrethub.client.aws.AwsConfig;
import io.secrethub.client.credentials.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The seed's AWS integration end to end, against moto with IAM enforcement on: awscli creates the
 * KMS key and the role, {@code secrethub service aws init} creates the service account, and separate
 * processes holding only the role's credentials read secrets with {@code --identity-provider=aws}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsEndToEndTest {
    private static final String APP_ROLE = "app-role";
    private static final String VALUE = "postgres-password-7f3a9c";

    /** One folder for the whole class: its server, configs and logs. */
    private Path tmp;

    private AwsEmulator aws;
    private ServerProcess server;
    private CliProcess alice;
    private CliProcess aliceWithAws;

    @BeforeAll
    void start(@TempDir Path classDir) throws Exception {
        tmp = classDir;
        aws = AwsEmulator.start(tmp, new String[] {APP_ROLE, "other-role", "second-role", "recreated-role", "deleted-svc-role"},
                new String[] {"no-decrypt-role"});
        server = ServerProcess.start(tmp.resolve("data"), tmp.resolve("server.log"), "--allow-signup",
                "--aws-sts-endpoint", AwsEmulator.REGION + "=" + aws.moto.url());
        Map<String, String> aliceEnv = new HashMap<>(Map.of(
                "SECRETHUB_API_REMOTE", server.url(),
                "SECRETHUB_CONFIG_DIR", tmp.resolve("alice").toString()));
        alice = new CliProcess(aliceEnv);
        alice.run("signup", "--username", "alice", "--email", "alice@example.com", "--full-name", "Alice").assertOk();
        alice.run("repo", "init", "alice/app").assertOk();
        alice.run("mkdir", "alice/app/db").assertOk();
        alice.runWithInput(VALUE.getBytes(StandardCharsets.UTF_8), "write", "alice/app/db/password").assertOk();

        Map<String, String> creatorEnv = aws.withCredentials(aws.creator);
        creatorEnv.putAll(aliceEnv);
        aliceWithAws = new CliProcess(creatorEnv);
        // Step 3 of the seed, as written, with --permission read.
        CliProcess.Result init = aliceWithAws.run("service", "aws", "init", "alice/app", "--kms-key", aws.kmsKeyArn,
                "--role", APP_ROLE, "--region", AwsEmulator.REGION, "--permission", "read");
        init.assertOk();
        assertThat(init.stdout()).contains("Successfully created a new service account with ID: s-").contains(APP_ROLE);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    /** A process with only the role's credentials (and no SecretHub credential file). */
    private CliProcess roleProcess(Map<String, String> awsEnv) {
        Map<String, String> env = new HashMap<>(awsEnv);
        env.put("SECRETHUB_API_REMOTE", server.url());
        env.put("SECRETHUB_CONFIG_DIR", tmp.resolve("empty-config").toString());
        return new CliProcess(env);
    }

    @Test
    void roleReadsWithTheIdentityProviderFlag() throws Exception {
        CliProcess lambda = roleProcess(aws.withCredentials(aws.assumeRole(APP_ROLE, "my-function")));
        assertThat(lambda.run("--identity-provider=aws", "read", "alice/app/db/password").assertOk().stdout()).isEqualTo(VALUE + "\n");
        assertThat(lambda.with("SECRETHUB_IDENTITY_PROVIDER", "aws").run("read", "alice/app/db/password").assertOk().stdout())
                .isEqualTo(VALUE + "\n");
        // Secrets written after the service account exist are sealed to it as well.
        alice.runWithInput("later-value".getBytes(StandardCharsets.UTF_8), "write", "alice/app/db/later").assertOk();
        assertThat(lambda.run("--identity-provider=aws", "read", "alice/app/db/later").assertOk().stdout()).isEqualTo("later-value\n");
        // Read permission only.
        CliProcess.Result write = lambda.runWithInput("x".getBytes(StandardCharsets.UTF_8), "--identity-provider=aws", "write", "alice/app/db/password");
        assertThat(write.exitCode()).isNotZero();
        assertThat(write.stderr()).contains("forbidden");
    }

    /** The SDK's explicit AWS configuration, as an application would give it, pointed at moto. */
    private AwsConfig.Builder sdkConfigFor(FakeCredentialEndpoints.RoleCredentials role) {
        return AwsConfig.builder()
                .region(AwsEmulator.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(), role.sessionToken())))
                .stsEndpoint(java.net.URI.create(aws.moto.url()))
                .kmsEndpoint(java.net.URI.create(aws.moto.url()));
    }

    @Test
    void roleReadsFromTheSdk() throws Exception {
        AwsConfig config = sdkConfigFor(aws.assumeRole(APP_ROLE, "sdk-session")).build();
        try (SecretHubClient client = SecretHubClient.builder().environment(Map.of()).apiRemote(server.url())
                .credential(Credentials.useAws(config)).build()) {
            assertThat(client.readString("alice/app/db/password")).isEqualTo(VALUE);
            assertThat(client.me().accountType()).isEqualTo("service");
        }
    }

    @Test
    void sdkPicksAwsByItselfFromTheIdentityProviderVariable() throws Exception {
        FakeCredentialEndpoints.RoleCredentials role = aws.assumeRole(APP_ROLE, "sdk-default");
        // The AWS SDK's own system properties stand in for the environment of a workload in this JVM.
        Map<String, String> properties = Map.of("aws.accessKeyId", role.accessKeyId(), "aws.secretAccessKey", role.secretAccessKey(),
                "aws.sessionToken", role.sessionToken(), "aws.region", AwsEmulator.REGION, "aws.endpointUrl", aws.moto.url());
        properties.forEach(System::setProperty);
        try (SecretHubClient client = SecretHubClient.builder()
                .environment(Map.of("SECRETHUB_IDENTITY_PROVIDER", "aws", "SECRETHUB_API_REMOTE", server.url()))
                .build()) {
            assertThat(client.readString("alice/app/db/password")).isEqualTo(VALUE);
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void initAsksForMissingValuesAtATerminal() throws Exception {
        CliProcess.Result init = aliceWithAws.runInTerminal("arn:aws:iam::" + MotoServer.ACCOUNT + ":role/prompted-role\n" + aws.kmsKeyArn + "\n",
                "service", "aws", "init", "alice/app", "--region", AwsEmulator.REGION);
        assertThat(init.stdout()).contains("What IAM role should have access to the service?").contains("Which KMS key");
        // The role does not exist in moto: the answers were taken, and the AWS lookup says so clearly.
        assertThat(init.exitCode()).isNotZero();
        assertThat(init.stdout()).contains("prompted-role does not exist");
    }

    @Test
    void initWithoutATerminalNamesTheMissingFlag() throws Exception {
        CliProcess.Result result = aliceWithAws.run("service", "aws", "init", "alice/app", "--kms-key", aws.kmsKeyArn);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("missing --role");
        result = aliceWithAws.run("service", "aws", "init", "alice/app", "--role", "other-role");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("missing --kms-key");
    }

    @Test
    void lambdaEnvironmentCredentials() throws Exception {
        CliProcess lambda = roleProcess(aws.withCredentials(aws.assumeRole(APP_ROLE, "lambda-fn")));
        assertThat(lambda.run("--identity-provider=aws", "read", "alice/app/db/password").assertOk().stdout()).isEqualTo(VALUE + "\n");
    }

    @Test
    void ecsTaskRole() throws Exception {
        try (FakeCredentialEndpoints endpoints = new FakeCredentialEndpoints(APP_ROLE, aws.assumeRole(APP_ROLE, "ecs-task-1234"))) {
            Map<String, String> env = aws.baseEnvironment();
            env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoints.baseUrl() + "/ecs/credentials");
            assertThat(roleProcess(env).run("--identity-provider=aws", "read", "alice/app/db/password").assertOk().stdout())
                    .isEqualTo(VALUE + "\n");
        }
    }

    @Test
    void ec2InstanceProfileWithImdsV2() throws Exception {
        try (FakeCredentialEndpoints endpoints = new FakeCredentialEndpoints(APP_ROLE, aws.assumeRole(APP_ROLE, "i-0abc123def"))) {
            Map<String, String> env = aws.baseEnvironment();
            env.remove("AWS_EC2_METADATA_DISABLED");
            env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoints.baseUrl());
            env.put("AWS_EC2_METADATA_V1_DISABLED", "true");
            assertThat(roleProcess(env).run("--identity-provider=aws", "read", "alice/app/db/password").assertOk().stdout())
                    .isEqualTo(VALUE + "\n");
        }
    }

    @Test
    void eksWebIdentity() throws Exception {
        Path token = tmp.resolve("eks-token");
        Files.writeString(token, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDphcHAifQ.c2lnbmF0dXJl");
        Map<String, String> env = aws.baseEnvironment();
        env.put("AWS_ROLE_ARN", "arn:aws:iam::" + MotoServer.ACCOUNT + ":role/" + APP_ROLE);
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        env.put("AWS_ROLE_SESSION_NAME", "eks-pod");
        aws.moto.enforceIamAfter(1);
        try {
            assertThat(roleProcess(env).run("--identity-provider=aws", "read", "alice/app/db/password").assertOk().stdout())
                    .isEqualTo(VALUE + "\n");
        } finally {
            aws.moto.enforceIam();
        }
    }

    @Test
    void serviceAwsLsShowsTheAccount() throws Exception {
        String table = alice.run("service", "aws", "ls", "alice/app").assertOk().stdout();
        assertThat(table.lines().findFirst().orElseThrow()).containsSubsequence("ID", "DESCRIPTION", "ROLE", "KMS-KEY", "CREATED");
        assertThat(table).contains("arn:aws:iam::" + MotoServer.ACCOUNT + ":role/" + APP_ROLE).contains(aws.kmsKeyArn);
        assertThat(alice.run("service", "aws", "ls", "-q", "alice/app").assertOk().stdout()).matches("(?s)(s-[a-z0-9]{12}\n)+");
        assertThat(alice.run("service", "ls", "alice/app").assertOk().stdout()).contains("aws");
    }

    @Test
    void permissionOnASubdirectoryOnly() throws Exception {
        alice.runWithInput("top-level".getBytes(StandardCharsets.UTF_8), "write", "alice/app/outside").assertOk();
        aliceWithAws.run("service", "aws", "init", "alice/app", "--kms-key", aws.kmsKeyArn, "--role", "second-role",
                "--region", AwsEmulator.REGION, "--permission", "db:read").assertOk();
        CliProcess role = roleProcess(aws.withCredentials(aws.assumeRole("second-role", "i-subdir")));
        assertThat(role.run("--identity-provider=aws", "read", "alice/app/db/password").assertOk().stdout()).isEqualTo(VALUE + "\n");
        CliProcess.Result outside = role.run("--identity-provider=aws", "read", "alice/app/outside");
        assertThat(outside.exitCode()).isNotZero();
        assertThat(outside.stderr()).contains("secret_not_found");
        CliProcess.Result list = role.run("--identity-provider=aws", "service", "ls", "alice/app");
        assertThat(list.exitCode()).isNotZero();
        assertThat(list.stderr()).contains("forbidden");
    }

    @Test
    void roleWithoutKmsDecryptIsToldSo() throws Exception {
        aliceWithAws.run("service", "aws", "init", "alice/app", "--kms-key", aws.kmsKeyArn, "--role", "no-decrypt-role",
                "--region", AwsEmulator.REGION, "--permission", "read").assertOk();
        CliProcess.Result read = roleProcess(aws.withCredentials(aws.assumeRole("no-decrypt-role", "i-1")))
                .run("--identity-provider=aws", "read", "alice/app/db/password");
        assertThat(read.exitCode()).isNotZero();
        assertThat(read.stderr()).contains("kms:Decrypt was denied for role").contains("no-decrypt-role").contains(aws.kmsKeyArn);
    }

    @Test
    void roleWithoutServiceAccountIsRefused() throws Exception {
        CliProcess.Result read = roleProcess(aws.withCredentials(aws.assumeRole("other-role", "i-2")))
                .run("--identity-provider=aws", "read", "alice/app/db/password");
        assertThat(read.exitCode()).isNotZero();
        assertThat(read.stderr()).contains("no service account").contains("other-role").contains("no_service_with_role");
    }

    @Test
    void secondServiceAccountOnTheSameRoleIsRefused() throws Exception {
        CliProcess.Result again = aliceWithAws.run("service", "aws", "init", "alice/app", "--kms-key", aws.kmsKeyArn,
                "--role", APP_ROLE, "--region", AwsEmulator.REGION);
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.stderr()).contains("aws_role_taken");
    }

    @Test
    void creatorOutsideTheRolesAccountIsRefused() throws Exception {
        CliProcess.Result squat = aliceWithAws.run("service", "aws", "init", "alice/app", "--kms-key", aws.kmsKeyArn,
                "--role", "arn:aws:iam::210987654321:role/" + APP_ROLE, "--region", AwsEmulator.REGION);
        assertThat(squat.exitCode()).isNotZero();
        assertThat(squat.stderr()).contains("aws_account_mismatch").contains("210987654321");
    }

    @Test
    void roleDeletedAndRecreatedUnderTheSameNameIsRefused() throws Exception {
        aliceWithAws.run("service", "aws", "init", "alice/app", "--kms-key", aws.kmsKeyArn, "--role", "recreated-role",
                "--region", AwsEmulator.REGION, "--permission", "read").assertOk();
        assertThat(roleProcess(aws.withCredentials(aws.assumeRole("recreated-role", "before")))
                .run("--identity-provider=aws", "read", "alice/app/db/password").assertOk().stdout()).isEqualTo(VALUE + "\n");
        AwsCli creator = aws.asCreator();
        creator.run("iam", "delete-role-policy", "--role-name", "recreated-role", "--policy-name", "decrypt");
        creator.run("iam", "delete-role", "--role-name", "recreated-role");
        AwsEmulator.createRole(creator, aws.dir(), "recreated-role", true);
        CliProcess.Result read = roleProcess(aws.withCredentials(aws.assumeRole("recreated-role", "after")))
                .run("--identity-provider=aws", "read", "alice/app/db/password");
        assertThat(read.exitCode()).isNotZero();
        assertThat(read.stderr()).contains("deleted and re-created").contains("aws_role_recreated");
    }

    @Test
    void deletedServiceAccountCannotLogIn() throws Exception {
        aliceWithAws.run("service", "aws", "init", "alice/app", "--kms-key", aws.kmsKeyArn, "--role", "deleted-svc-role",
                "--region", AwsEmulator.REGION, "--permission", "read").assertOk();
        String id = alice.run("service", "aws", "ls", "alice/app").assertOk().stdout().lines()
                .filter(l -> l.contains("deleted-svc-role")).findFirst().orElseThrow().split("\\s+")[0];
        CliProcess role = roleProcess(aws.withCredentials(aws.assumeRole("deleted-svc-role", "i-3")));
        role.run("--identity-provider=aws", "read", "alice/app/db/password").assertOk();
        alice.run("service", "rm", "--force", id).assertOk();
        CliProcess.Result read = role.run("--identity-provider=aws", "read", "alice/app/db/password");
        assertThat(read.exitCode()).isNotZero();
        assertThat(read.stderr()).contains("no_service_with_role");
    }

    @Test
    void noAwsCredentialsSaysWhatToDo() throws Exception {
        CliProcess.Result read = roleProcess(aws.baseEnvironment()).run("--identity-provider=aws", "read", "alice/app/db/password");
        assertThat(read.exitCode()).isNotZero();
        assertThat(read.stderr()).contains("could not find any AWS credentials").contains("aws_no_credentials");
    }

    @Test
    void noRegionSaysWhatToDo() throws Exception {
        Map<String, String> env = aws.withCredentials(aws.assumeRole(APP_ROLE, "no-region"));
        env.remove("AWS_REGION");
        CliProcess.Result read = roleProcess(env).run("--identity-provider=aws", "read", "alice/app/db/password");
        assertThat(read.exitCode()).isNotZero();
        assertThat(read.stderr()).contains("could not find an AWS region").contains("AWS_REGION");
    }

    @Test
    void credentialsStsRejectsAreReported() throws Exception {
        CliProcess.Result read = roleProcess(aws.withCredentials(
                new FakeCredentialEndpoints.RoleCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null)))
                .run("--identity-provider=aws", "read", "alice/app/db/password");
        assertThat(read.exitCode()).isNotZero();
        assertThat(read.stderr()).contains("AWS STS rejected the credentials");
    }

    @Test
    void clockSkewIsReported() throws Exception {
        AwsConfig skewed = sdkConfigFor(aws.assumeRole(APP_ROLE, "skewed"))
                .signingClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20)))
                .build();
        try (SecretHubClient client = SecretHubClient.builder().environment(Map.of()).apiRemote(server.url())
                .credential(Credentials.useAws(skewed)).build()) {
            assertThatThrownBy(() -> client.readString("alice/app/db/password"))
                    .isInstanceOfSatisfying(SecretHubException.class, e -> {
                        assertThat(e.code()).isEqualTo("aws_clock_skew");
                        assertThat(e.getMessage()).contains("clock");
                    });
        }
    }
}
