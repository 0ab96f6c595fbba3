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
        return new Command("db", "The database the server keeps conversations, state and the queue in.") { migrate };
    }
}
