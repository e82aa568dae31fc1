package io.secrethub.cli.commands;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"secrethub " + (version == null ? "dev" : version)};
    }
}
