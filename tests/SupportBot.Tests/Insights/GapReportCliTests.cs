using System.Text.Json;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Insights;

/// <summary>
/// <c>supportbot report gaps</c> over a data folder whose transcripts the engine wrote: the HTML and JSON report and
/// a draft per topic, which <c>knowledge validate</c> reports as a draft (a warning, exit 0).
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class GapReportCliTests
{
    [Fact]
    public async Task ReportGaps_WritesTheReportAndDrafts_ThatValidateAsDrafts()
    {
        using var data = TempFolder.Create();
        await using (var host = await GapHost.StartAsync(data.Path))
        {
            await host.AskEachAsync(PlantedGapTests.Planted.Concat(PlantedGapTests.Others));
        }

        using var output = TempFolder.Create();
        var (exit, stdout, stderr) = await CliRunner.RunAsync("report", "gaps", "--since", "2026-11-02", "--until", "2026-11-03", "--out", output.Path,
            "--Storage:DataPath", data.Path);

        Assert.True(exit == 0, stderr);
        Assert.Contains("draft(s) in drafts/", stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output.Path, "gaps.json")));
        var clusters = json.RootElement.GetProperty("clusters");
        Assert.True(clusters.GetArrayLength() > 0);
        Assert.Contains("Content gaps: 2026-11-02 to 2026-11-03", await File.ReadAllTextAsync(Path.Combine(output.Path, "report.html")), StringComparison.Ordinal);
        var drafts = Directory.GetFiles(Path.Combine(output.Path, "drafts"), "*.md");
        Assert.Equal(clusters.GetArrayLength(), drafts.Length);

        using var knowledge = TempFolder.CopyOfKnowledge();
        var copied = Path.Combine(knowledge.Path, "faq", "payments-promotions", Path.GetFileName(drafts[0]));
        File.Copy(drafts[0], copied);
        var (validExit, validOut, _) = await CliRunner.RunAsync("knowledge", "validate", knowledge.Path);

        Assert.Equal(0, validExit);
        Assert.Contains($"faq/payments-promotions/{Path.GetFileName(drafts[0])}:", validOut, StringComparison.Ordinal);
        Assert.Contains("warning: draft: not served", validOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportGaps_RefusesAPeriodThatEndsBeforeItStarts()
    {
        using var data = TempFolder.Create();
        using var output = TempFolder.Create();
        var (exit, _, stderr) = await CliRunner.RunAsync("report", "gaps", "--since", "2026-11-08", "--until", "2026-11-01", "--out", output.Path,
            "--Storage:DataPath", data.Path);

        Assert.Equal(2, exit);
        Assert.Contains("--until must be after --since", stderr, StringComparison.Ordinal);
    }
}
