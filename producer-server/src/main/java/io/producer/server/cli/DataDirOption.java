package io.producer.server.cli;

import io.producer.server.config.ServerConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The --data-dir option shared by every command that touches the database. */
final class DataDirOption {
    @Option(names = "--data-dir", description = "Data directory (env PRODUCER_DATA_DIR, default ./data).")
    Path dataDir;

    Path resolve() {
        return dataDir != null ? dataDir : ServerConfig.fromEnv(System.getenv()).dataDir();
    }
}
