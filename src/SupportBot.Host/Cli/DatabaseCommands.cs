using System.CommandLine;
using System.Globalization;
using SupportBot.Storage;

namespace SupportBot.Host.Cli;

/// <summary><c>supportbot db migrate</c>: brings the configured database's schema up to date (the server also does it at start).</summary>
internal static class DatabaseCommands
{
    public static Command Create(CliContext context)
    {
        var migrate = new Command("migrate", "Apply the schema versions the configured database (Storage:Provider) is missing, and say which; running it again changes nothing.");
        migrate.SetAction((_, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            using var host = context.BuildToolHost();
            var database = host.Services.GetRequiredService<Database>();
            await database.BringSchemaUpToDateAsync(cancellationToken).ConfigureAwait(false);
            var current = SchemaMigrations.All[^1].Version.ToString(CultureInfo.InvariantCulture);
            await context.Output.WriteLineAsync(database.AppliedAtOpen.Count == 0
                ? $"{database.Provider}: schema up to date (version {current})"
                : $"{database.Provider}: applied schema version(s) {string.Join(", ", database.AppliedAtOpen)}; now at version {current}").ConfigureAwait(false);
            return SupportBotCli.Success;
        }));
        return new Command("db", "The database the server keeps conversations, state and the queue in.") { migrate, SeedInsights(context) };
    }

    private static Command SeedInsights(CliContext context)
    {
        var count = new Option<int>("--conversations") { Description = "How many conversations to make up.", DefaultValueFactory = _ => 1200 };
        var days = new Option<int>("--days") { Description = "Spread over this many days before now.", DefaultValueFactory = _ => 30 };
        var command = new Command("seed-insights",
            "Store made-up conversations (from the scripted suites in eval/conversations, with noise; ids seed-*, channel 'seed') for the Insights page and reports.")
        {
            count, days,
        };
        command.SetAction((parse, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            if (parse.GetValue(count) is < 1 or > 1_000_000 || parse.GetValue(days) is < 1 or > 3650)
            {
                throw new UsageException("db seed-insights: --conversations must be 1–1000000 and --days 1–3650");
            }

            using var host = context.BuildToolHost();
            var database = host.Services.GetRequiredService<Database>();
            await database.BringSchemaUpToDateAsync(cancellationToken).ConfigureAwait(false);
            var scripts = SupportBot.DemoStore.Conversations.SeededConversations.LoadScripts(context.ContentRoot);
            if (scripts.Count == 0)
            {
                throw new UsageException($"db seed-insights: no scripted conversations under {Path.Combine(context.ContentRoot, SupportBot.DemoStore.Conversations.SeededConversations.ScriptsFolder)}");
            }

            var written = await SupportBot.DemoStore.Conversations.SeededConversations.WriteAsync(database, scripts, parse.GetValue(count), parse.GetValue(days),
                host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), null, cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{database.Provider}: stored {written} made-up conversations over the last {parse.GetValue(days)} days (ids seed-*, channel 'seed')")).ConfigureAwait(false);
            return SupportBotCli.Success;
        }));
        return command;
    }
}
