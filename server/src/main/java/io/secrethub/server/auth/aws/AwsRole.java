package io.secrethub.server.auth.aws;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.secrethub.core.api.ErrorCode;

/**
 * An IAM role: partition, account and name. Assumed-role ARNs
 * ({@code arn:aws:sts::<acct>:assumed-role/<role>/<session>}) carry no IAM path, so a role is matched
 * on account + name only; a role ARN given with a path keeps the path for display but not for matching.
 */
public record AwsRole(String partition, String account, String name, String path) {
    private static final Pattern ROLE_ARN = Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::([0-9]{12}):role(/(?:[\\x21-\\x7e]+/)?)([\\w+=,.@-]{1,64})");
    private static final Pattern ASSUMED_ROLE_ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):sts::([0-9]{12}):assumed-role/([\\w+=,.@-]{1,64})/([\\w+=,.@-]{1,64})");

    public static AwsRole parseRoleArn(String arn) {
        Matcher m = arn == null ? null : ROLE_ARN.matcher(arn);
        if (m == null || !m.matches()) {
            throw new AwsLoginRefused(ErrorCode.INVALID_ARGUMENT, "'" + arn + "' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
        }
        return new AwsRole(m.group(1), m.group(2), m.group(4), m.group(3));
    }

    /** The role behind an STS caller, with the role session name (the instance, task or function). */
    public record Session(AwsRole role, String sessionName) {}

    public static Session fromCallerArn(String arn) {
        Matcher m = ASSUMED_ROLE_ARN.matcher(arn);
        if (!m.matches()) {
            throw new AwsLoginRefused(ErrorCode.NO_SERVICE_WITH_ROLE, "the AWS credentials belong to " + arn
                    + ", which is not an assumed IAM role; log in with the credentials of the role the service account is bound to");
        }
        return new Session(new AwsRole(m.group(1), m.group(2), m.group(3), "/"), m.group(4));
    }

    /** The key a role is matched on: partition, account and lower-cased name (IAM role names are case-insensitive). */
    public String matchKey() {
        return partition + ":" + account + ":" + name.toLowerCase(Locale.ROOT);
    }

    public String arn() {
        return "arn:" + partition + ":iam::" + account + ":role" + path + name;
    }
}
