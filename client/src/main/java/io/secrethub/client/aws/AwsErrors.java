package io.secrethub.client.aws;

import io.secrethub.client.SecretHubException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** AWS failures in words that say what to do next. */
final class AwsErrors {
    private AwsErrors() {}

    static SecretHubException noCredentials(SdkClientException e, boolean verbose) {
        return new SecretHubException("aws_no_credentials", "could not find any AWS credentials. On AWS, attach an IAM role to the "
                + "instance, task, function or pod; elsewhere configure credentials as for the AWS CLI "
                + "(https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html) or set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY." + (verbose ? " The AWS SDK said: " + e.getMessage() : " Use verbose AWS errors to see each source that was tried."),
                0, e);
    }

    static SecretHubException noRegion() {
        return new SecretHubException("aws_no_region", "could not find an AWS region. Set AWS_REGION, pass --region, "
                + "or configure a region in ~/.aws/config.");
    }

    static boolean isMissingCredentials(SdkException e) {
        String message = String.valueOf(e.getMessage());
        return e instanceof SdkClientException && message.contains("Unable to load credentials");
    }

    /** STS refused a real call made with these credentials. */
    static SecretHubException stsRejected(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return new SecretHubException("aws_credentials_rejected", "AWS STS rejected the credentials"
                + (code == null ? " (HTTP " + e.statusCode() + ")" : " (" + code + ")")
                + ": check that they are valid and that a role session has not expired.", e.statusCode(), e);
    }

    static SecretHubException wrap(String doing, SdkException e, boolean verbose) {
        if (isMissingCredentials(e)) {
            return noCredentials((SdkClientException) e, verbose);
        }
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorMessage();
            return new SecretHubException("aws_error", "AWS refused " + doing + ": " + (code == null ? "HTTP " + s.statusCode() : code)
                    + (message == null ? "" : ": " + message), s.statusCode(), e);
        }
        return new SecretHubException("aws_error", "could not " + doing + ": " + e.getMessage(), 0, e);
    }
}
