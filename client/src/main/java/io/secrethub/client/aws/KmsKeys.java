package io.secrethub.client.aws;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.secrethub.client.SecretHubException;

/** KMS key references: an id, an alias, or an ARN of either. */
final class KmsKeys {
    private static final Pattern KEY_ARN = Pattern.compile("arn:(aws|aws-cn|aws-us-gov):kms:([a-z0-9-]+):([0-9]{12}):(key/[A-Za-z0-9-]+|alias/[A-Za-z0-9/_-]+)");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9-]{1,128}");
    private static final Pattern ALIAS = Pattern.compile("alias/[A-Za-z0-9/_-]{1,250}");

    private KmsKeys() {}

    static String regionOf(String arn) {
        Matcher m = KEY_ARN.matcher(arn);
        if (!m.matches()) {
            throw new SecretHubException("invalid_kms_key", "'" + arn + "' is not a KMS key ARN");
        }
        return m.group(2);
    }

    /** Expands an id or alias to an ARN in {@code region} and {@code account}; an ARN is kept. */
    static String toArn(String key, String partition, String region, String account) {
        if (KEY_ARN.matcher(key).matches()) {
            return key;
        }
        if (ALIAS.matcher(key).matches()) {
            return "arn:" + partition + ":kms:" + region + ":" + account + ":" + key;
        }
        if (KEY_ID.matcher(key).matches()) {
            return "arn:" + partition + ":kms:" + region + ":" + account + ":key/" + key;
        }
        throw new SecretHubException("invalid_kms_key", "'" + key + "' is not a KMS key id, alias (alias/<name>) or ARN");
    }

    static boolean isArn(String key) {
        return KEY_ARN.matcher(key).matches();
    }
}
