using System.CommandLine;
using Microsoft.Extensions.Options;
using SupportBot.Evaluation;
using SupportBot.Host.Server;

namespace SupportBot.Host.Cli;

/// <summary>
/// The <c>supportbot</c> command line. Exit codes: 0 success, 1 a check failed, 2 bad usage or configuration.
/// </summary>
internal static class SupportBotCli
{
    public const int Success = 0;
    public const int CheckFailed = 1;
    public const int BadUsage = 2;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, Console.In, output, error, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (verbArgs, configArgs) = ConfigArguments.Split(args);
        var context = new CliContext(configArgs, input, output, error);
        var root = new RootCommand("SupportBot: an AI-assisted support chatbot and FAQ self-service engine for online stores.\n"
            + "Without a verb it serves the bot. Settings: appsettings.json, environment (Knowledge__Path=…) or --Knowledge:Path ….");
        var serve = new Command("serve", "Serve the bot over HTTP (default http://localhost:5080; --urls to change).");
        serve.SetAction((_, ct) => Guard(context, () => ServerApp.RunAsync(context, ct)));
        root.SetAction((_, ct) => Guard(context, () => ServerApp.RunAsync(context, ct)));
        root.Subcommands.Add(serve);
        root.Subcommands.Add(AskCommand.Create(context));
        root.Subcommands.Add(KnowledgeCommands.Create(context));
        root.Subcommands.Add(EvalCommands.Create(context));
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(ChatCommand.Create(context));
        root.Subcommands.Add(AgentCommands.Create(context));
        root.Subcommands.Add(PrivacyCommands.Create(context));
        root.Subcommands.Add(DatabaseCommands.Create(context));
        root.Subcommands.Add(ReportCommands.Create(context));

        var parse = root.Parse(verbArgs);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"supportbot: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'supportbot --help' for usage.").ConfigureAwait(false);
            return BadUsage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns the failures a user can fix into one clear line and the right exit code, never a stack trace.</summary>
    internal static async Task<int> Guard(CliContext context, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await context.Error.WriteLineAsync($"supportbot: configuration: {failure}").ConfigureAwait(false);
            }

            return BadUsage;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            await context.Error.WriteLineAsync($"supportbot: configuration: {ex.Message}").ConfigureAwait(false);
            return BadUsage;
        }
        catch (DatasetException ex)
        {
            await context.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return BadUsage;
        }
        catch (UsageException ex)
        {
            await context.Error.WriteLineAsync($"supportbot: {ex.Message}").ConfigureAwait(false);
            return BadUsage;
        }
        catch (IOException ex) when (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await context.Error.WriteLineAsync($"supportbot: cannot listen: {ex.Message} (use --urls to pick another address)").ConfigureAwait(false);
            return BadUsage;
        }
    }
}

/// <summary>A mistake in how a verb was called, shown as one line with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
