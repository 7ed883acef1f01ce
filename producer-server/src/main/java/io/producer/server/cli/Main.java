package io.producer.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code producer <command>}: serve, keys, render (and the commands other modules add below). */
@Command(name = "producer", mixinStandardHelpOptions = true, version = "producer 0.1.0",
        description = "Producer: a self-hosted music-generation server implementing the Producer API.",
        subcommands = {ServeCommand.class, KeysCommand.class, RenderCommand.class, BenchCommand.class, WebhookSecretCommand.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0 || !ServeCommand.serving()) System.exit(code);
    }

    @Override public void run() {
        CommandLine.usage(this, System.out);
    }
}
