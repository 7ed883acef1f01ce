package io.producer.server.cli;

import io.producer.server.store.Database;
import io.producer.server.webhook.WebhookOutbox;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code producer webhook-secret}: the server-managed secret that signs webhooks of tasks without a webhook_secret. */
@Command(name = "webhook-secret", mixinStandardHelpOptions = true,
        description = "Print the default webhook signing secret (used when a task gives no webhook_secret; created on first use).")
final class WebhookSecretCommand implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Override
    public Integer call() throws Exception {
        System.out.println(WebhookOutbox.defaultSecret(Database.open(data.resolve()).dataSource()));
        return 0;
    }
}
