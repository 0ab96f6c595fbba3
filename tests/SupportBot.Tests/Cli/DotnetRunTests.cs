using System.Diagnostics;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Cli;

/// <summary>The README's way of running a verb, as a separate process: `dotnet run --project …` from the repository root.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class DotnetRunTests
{
    [Fact]
    public async Task DotnetRun_RelativePathsResolveAgainstTheShellsFolder()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "run", "--no-build", "--project", "src/SupportBot.Host", "--", "eval", "faq", "eval/faq-holdout.jsonl", "--json" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("\"hit_at_1\"", await output, StringComparison.Ordinal);
    }
}
