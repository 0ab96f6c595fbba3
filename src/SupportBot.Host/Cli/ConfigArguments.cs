namespace SupportBot.Host.Cli;

/// <summary>
/// Separates .NET configuration overrides (<c>--Knowledge:Path dir</c>, <c>--Storage:DataPath=dir</c>,
/// <c>--urls …</c>) from the verb's own arguments, so every verb accepts them the standard .NET way.
/// </summary>
internal static class ConfigArguments
{
    private static readonly string[] HostKeys = ["--urls", "--environment"];

    public static (string[] VerbArgs, string[] ConfigArgs) Split(IReadOnlyList<string> args)
    {
        var verb = new List<string>();
        var config = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            var isConfig = arg.StartsWith("--", StringComparison.Ordinal)
                && (name.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(name, StringComparer.OrdinalIgnoreCase));
            if (!isConfig)
            {
                verb.Add(arg);
                continue;
            }

            config.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
            {
                config.Add(args[++i]);
            }
        }

        return ([.. verb], [.. config]);
    }
}
