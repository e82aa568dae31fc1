package io.secrethub.cli.commands;

import java.util.List;

import io.secrethub.cli.Terminal;
import io.secrethub.cli.UserError;
import io.secrethub.client.SecretHubClient;
import io.secrethub.client.ServiceInfo;
import io.secrethub.client.aws.AwsServiceAccountRequest;
import io.secrethub.core.path.RepoPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "service", mixinStandardHelpOptions = true, description = "Manage service accounts.",
        subcommands = {ServiceCommand.Aws.class, ServiceCommand.Ls.class, ServiceCommand.Rm.class})
final class ServiceCommand {

    @Command(name = "aws", mixinStandardHelpOptions = true, description = "Manage AWS service accounts.",
            subcommands = {AwsInit.class, AwsLs.class})
    static final class Aws {}

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create a service account for an IAM role. Any process that assumes the role (an EC2 instance,",
                    "ECS task, Lambda function or EKS pod) can then read the repo's secrets with --identity-provider=aws,",
                    "without any key on the machine. The role needs kms:Decrypt on the KMS key; you need kms:Encrypt.",
                    "Your AWS credentials come from the AWS SDK's default chain (environment, profile, role)."})
    static final class AwsInit extends ClientCommand {
        @Parameters(paramLabel = "<namespace>/<repo>")
        String repo;

        @Option(names = "--kms-key", paramLabel = "<id|ARN|alias>", description = "The KMS key that encrypts the service account's key.")
        String kmsKey;

        @Option(names = "--role", paramLabel = "<name|ARN>", description = "The IAM role the service runs as.")
        String role;

        @Option(names = "--region", paramLabel = "<aws-region>", description = "The AWS region of the KMS key (default: from the key ARN, then AWS_REGION).")
        String region;

        @Option(names = {"--description", "--descr", "--desc"}, paramLabel = "<text>", description = "A description (default: AWS role <role-name>).")
        String description;

        @Option(names = "--permission", paramLabel = "<perm>|<subdir>:<perm>",
                description = "Give the service read, write or admin on the repo, or on a directory of it.")
        String permission;

        @Override
        void run(SecretHubClient client) {
            RepoPath repoPath = RepoPath.parse(repo);
            String role = this.role != null ? this.role : ask("What IAM role should have access to the service? (ARN or role name): ", "--role");
            String kmsKey = this.kmsKey != null ? this.kmsKey : ask("Which KMS key should encrypt the service's key? (id, alias/<name> or ARN): ", "--kms-key");
            var request = AwsServiceAccountRequest.of(kmsKey, role).withRegion(region).withDescription(description);
            ServiceInfo service = client.createAwsService(repoPath.toString(), request, permission);
            out().println("Successfully created a new service account with ID: " + service.serviceId());
            out().println("Any host that assumes the IAM role " + service.roleArn().replaceAll(".*/", "")
                    + " can now automatically authenticate to SecretHub and fetch the secrets the service account has been given access to.");
        }

        private static String ask(String question, String flag) {
            if (!Terminal.isInteractive()) {
                throw new UserError("missing " + flag + "; it is required when there is no terminal to ask");
            }
            String answer = Terminal.ask(question);
            if (answer.isEmpty()) {
                throw new UserError(flag + " is required");
            }
            return answer;
        }
    }

    /** Lists a repo's service accounts: IDs only with -q, else a table whose columns the subclass picks. */
    abstract static class ListServices extends ClientCommand {
        @Parameters(paramLabel = "<namespace>/<repo>")
        String repo;

        @Option(names = {"-q", "--quiet"}, description = "Only print the service IDs.")
        boolean quiet;

        abstract boolean shows(ServiceInfo service);

        abstract Table table();

        abstract String[] row(ServiceInfo service);

        @Override
        void run(SecretHubClient client) {
            List<ServiceInfo> services = client.listServices(repo).stream().filter(this::shows).toList();
            if (quiet) {
                services.forEach(s -> out().println(s.serviceId()));
                return;
            }
            Table table = table();
            services.forEach(s -> table.row(row(s)));
            table.print(out());
        }
    }

    @Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List the AWS service accounts of a repo.")
    static final class AwsLs extends ListServices {
        @Override
        boolean shows(ServiceInfo service) {
            return "aws".equals(service.type());
        }

        @Override
        Table table() {
            return new Table("ID", "DESCRIPTION", "ROLE", "KMS-KEY", "CREATED");
        }

        @Override
        String[] row(ServiceInfo s) {
            return new String[] {s.serviceId(), s.description(), s.roleArn(), s.kmsKeyArn(), Dates.format(s.createdAt())};
        }
    }

    @Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List the service accounts of a repo.")
    static final class Ls extends ListServices {
        @Override
        boolean shows(ServiceInfo service) {
            return true;
        }

        @Override
        Table table() {
            return new Table("ID", "DESCRIPTION", "TYPE", "CREATED");
        }

        @Override
        String[] row(ServiceInfo s) {
            return new String[] {s.serviceId(), s.description(), s.type(), Dates.format(s.createdAt())};
        }
    }

    @Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
            description = "Delete a service account. It can no longer log in, and its copies of keys are removed.")
    static final class Rm extends ClientCommand {
        @Parameters(paramLabel = "<service-id>")
        String serviceId;

        @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
        boolean force;

        @Override
        void run(SecretHubClient client) {
            if (!serviceId.matches("(?i)s-[a-z0-9]{12}")) {
                throw new UserError("'" + serviceId + "' is not a service ID (s- followed by 12 letters or digits)");
            }
            Confirmation.require(force, "delete the service account " + serviceId, serviceId);
            client.deleteService(serviceId);
            out().println("Deleted the service account " + serviceId);
        }
    }
}
