package dev.newsflow.cli;

import dev.newsflow.topology.PipelineVersion;
import picocli.CommandLine.IVersionProvider;

/** Reports the newsflow version from the jar manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"newsflow " + PipelineVersion.VERSION};
    }
}
