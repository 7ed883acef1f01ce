package io.producer.server.cli;

import io.producer.server.account.ApiKey;
import io.producer.server.account.ApiKeys;
import io.producer.server.account.Credits;
import io.producer.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code producer keys create|list|revoke|grant}: manage API keys and credits in the data directory. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage API keys and credits.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class, KeysCommand.Grant.class})
final class KeysCommand implements Runnable {
    @Override public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key and print it (shown only once).")
    static final class Create implements Callable<Integer> {
        @Mixin DataDirOption data;
        @Option(names = "--name", defaultValue = "key", description = "A label for the key.") String name;
        @Option(names = "--credits", defaultValue = "0", description = "Credits to grant at creation.") long credits;

        @Override public Integer call() {
            Database db = Database.open(data.resolve());
            ApiKeys.Created k = new ApiKeys(db).create(name, credits);
            System.out.println("key_id=" + k.key().id() + " name=" + name + " credits=" + credits);
            System.out.println(k.secret());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys with their balances.")
    static final class ListKeys implements Callable<Integer> {
        @Mixin DataDirOption data;

        @Override public Integer call() {
            Database db = Database.open(data.resolve());
            Credits credits = new Credits(db);
            System.out.printf("%-16s %-20s %-12s %8s  %-24s %s%n", "KEY_ID", "NAME", "PREFIX", "CREDITS", "CREATED", "STATUS");
            for (ApiKey k : new ApiKeys(db).list()) {
                System.out.printf("%-16s %-20s %-12s %8d  %-24s %s%n", k.id(), k.name(), k.prefix() + "…",
                        credits.balance(k.id()), Instant.ofEpochMilli(k.createdAt()), k.revoked() ? "revoked" : "active");
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key (its requests get 401 from then on).")
    static final class Revoke implements Callable<Integer> {
        @Mixin DataDirOption data;
        @Parameters(paramLabel = "KEY_ID") String keyId;

        @Override public Integer call() {
            boolean done = new ApiKeys(Database.open(data.resolve())).revoke(keyId);
            System.out.println(done ? "revoked " + keyId : "no active key " + keyId);
            return done ? 0 : 1;
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Add (or with a negative amount, remove) credits.")
    static final class Grant implements Callable<Integer> {
        @Mixin DataDirOption data;
        @Parameters(index = "0", paramLabel = "KEY_ID") String keyId;
        @Parameters(index = "1", paramLabel = "CREDITS") long amount;

        @Override public Integer call() {
            Database db = Database.open(data.resolve());
            if (new ApiKeys(db).find(keyId).isEmpty()) {
                System.err.println("no key " + keyId);
                return 1;
            }
            Credits credits = new Credits(db);
            if (amount < 0 && credits.balance(keyId) + amount < 0) {
                System.err.println("refused: the balance would go below zero");
                return 1;
            }
            credits.grant(keyId, amount);
            System.out.println(keyId + " credits=" + credits.balance(keyId));
            return 0;
        }
    }
}
