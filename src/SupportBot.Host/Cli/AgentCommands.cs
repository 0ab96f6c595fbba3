using System.CommandLine;
using SupportBot.Host.Agents;

namespace SupportBot.Host.Cli;

/// <summary><c>supportbot agent hash-password</c>: the hash to put in <c>Handoff:Agents:N:PasswordHash</c>.</summary>
internal static class AgentCommands
{
    public static Command Create(CliContext context)
    {
        var hash = new Command("hash-password", "Read a password from standard input and print its hash for Handoff:Agents:N:PasswordHash (the password itself is never stored).");
        hash.SetAction((_, _) => SupportBotCli.Guard(context, async () =>
        {
            var password = (await context.Input.ReadLineAsync().ConfigureAwait(false))?.TrimEnd('\r');
            if (string.IsNullOrEmpty(password) || password.Length < 8)
            {
                await context.Error.WriteLineAsync("agent hash-password: type a password of at least 8 characters on standard input").ConfigureAwait(false);
                return SupportBotCli.BadUsage;
            }

            await context.Output.WriteLineAsync(AgentDirectory.HashPassword(password)).ConfigureAwait(false);
            return SupportBotCli.Success;
        }));
        return new Command("agent", "Agent console accounts.") { hash };
    }
}
