using System.CommandLine;

namespace SupportBot.Host.Cli;

/// <summary><c>supportbot report …</c>: reports over the stored conversations.</summary>
internal static class ReportCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("report", "Reports over the stored conversations.");
        command.Subcommands.Add(GapReportCommand.Create(context));
        return command;
    }
}
