using SupportBot.Host.Cli;

namespace SupportBot.Tests.Support;

/// <summary>Runs <c>supportbot</c> verbs in process, as a user types them, with their output captured.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SupportBotCli.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The same, with <paramref name="input"/> on standard input.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunWithInputAsync(string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SupportBotCli.RunAsync(args, reader, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
