package io.secrethub.server.auth.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secrethub.core.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Role ARNs given at creation, and the role behind an STS caller, matched on partition + account + name. */
class AwsRoleTest {
    @Test
    void roleArnWithoutPath() {
        AwsRole role = AwsRole.parseRoleArn("arn:aws:iam::123456789012:role/app-role");

        assertThat(role).isEqualTo(new AwsRole("aws", "123456789012", "app-role", "/"));
        assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/app-role");
    }

    @Test
    void roleArnWithPathKeepsThePathForDisplay() {
        AwsRole role = AwsRole.parseRoleArn("arn:aws:iam::123456789012:role/team/ci/app-role");

        assertThat(role).isEqualTo(new AwsRole("aws", "123456789012", "app-role", "/team/ci/"));
        assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/team/ci/app-role");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-cn", "aws-us-gov"})
    void roleArnOfOtherPartitions(String partition) {
        AwsRole role = AwsRole.parseRoleArn("arn:" + partition + ":iam::123456789012:role/app-role");

        assertThat(role.partition()).isEqualTo(partition);
        assertThat(role.arn()).isEqualTo("arn:" + partition + ":iam::123456789012:role/app-role");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:iam::123456789012:user/alice",                 // a user, not a role
            "arn:aws:sts::123456789012:assumed-role/app-role/i-0",  // a session, not a role
            "arn:aws:iam::12345678901:role/app-role",               // 11-digit account
            "arn:aws:iam::12345678901a:role/app-role",              // account with a letter
            "arn:aws:iam:::role/app-role",                          // no account
            "arn:aws:iam::123456789012:role/",                      // empty name
            "arn:aws:iam::123456789012:role",                       // no name
            "arn:aws:iam::123456789012:role/*",                     // wildcard
            "arn:aws:iam::123456789012:role/app-*",                 // wildcard suffix
            "arn:aws-iso:iam::123456789012:role/app-role",          // partition we do not serve
            "arn:aws:iam:us-east-1:123456789012:role/app-role",     // IAM ARNs have no region
            "arn:aws:iam::123456789012:role/app-role ",             // trailing space
            "app-role",
    })
    void notARoleArnIsRefused(String arn) {
        assertThatThrownBy(() -> AwsRole.parseRoleArn(arn)).isInstanceOfSatisfying(AwsLoginRefused.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("is not an IAM role ARN");
        });
    }

    @Test
    void assumedRoleGivesRoleAndSessionName() {
        AwsRole.Session session = AwsRole.fromCallerArn("arn:aws:sts::123456789012:assumed-role/app-role/i-0abc");

        assertThat(session.role()).isEqualTo(new AwsRole("aws", "123456789012", "app-role", "/"));
        assertThat(session.sessionName()).isEqualTo("i-0abc");
    }

    @Test
    void assumedRoleOfAnotherPartition() {
        AwsRole.Session session = AwsRole.fromCallerArn("arn:aws-us-gov:sts::123456789012:assumed-role/app-role/task-1");

        assertThat(session.role().arn()).isEqualTo("arn:aws-us-gov:iam::123456789012:role/app-role");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:iam::123456789012:user/alice",                          // IAM user
            "arn:aws:sts::123456789012:federated-user/bob",                  // federated user
            "arn:aws:iam::123456789012:root",                                // root
            "arn:aws:sts::123456789012:assumed-role/app-role",               // no session name
            "arn:aws:sts::123456789012:assumed-role/app-role/i-0abc/extra",  // extra segment
            "arn:aws:sts::1234:assumed-role/app-role/i-0abc",                // bad account
            "arn:aws:iam::123456789012:assumed-role/app-role/i-0abc",        // iam, not sts
            "arn:aws:sts::123456789012:assumed-role/app role/i-0abc",        // space in the name
            "not an arn",
    })
    void callerThatIsNotAnAssumedRoleIsRefused(String arn) {
        assertThatThrownBy(() -> AwsRole.fromCallerArn(arn)).isInstanceOfSatisfying(AwsLoginRefused.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NO_SERVICE_WITH_ROLE);
            assertThat(e.getMessage()).contains("is not an assumed IAM role");
        });
    }

    @Test
    void matchKeyIgnoresCaseOfTheNameAndThePath() {
        AwsRole bound = AwsRole.parseRoleArn("arn:aws:iam::123456789012:role/team/App-Role");
        AwsRole caller = AwsRole.fromCallerArn("arn:aws:sts::123456789012:assumed-role/app-role/i-0abc").role();

        assertThat(caller.matchKey()).isEqualTo(bound.matchKey()).isEqualTo("aws:123456789012:app-role");
    }

    @Test
    void matchKeyKeepsPartitionAndAccount() {
        String key = AwsRole.parseRoleArn("arn:aws:iam::123456789012:role/app-role").matchKey();

        assertThat(AwsRole.parseRoleArn("arn:aws-cn:iam::123456789012:role/app-role").matchKey()).isNotEqualTo(key);
        assertThat(AwsRole.parseRoleArn("arn:aws:iam::210987654321:role/app-role").matchKey()).isNotEqualTo(key);
        assertThat(AwsRole.parseRoleArn("arn:aws:iam::123456789012:role/app-role2").matchKey()).isNotEqualTo(key);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"arn:aws:iam::123456789012:roleapp-role", "arn:aws:iam::123456789012:roles"})
    void roleMustBeFollowedByASlash(String arn) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AwsRole.parseRoleArn(arn)).isInstanceOf(AwsLoginRefused.class);
    }
}
