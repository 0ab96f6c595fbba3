using System.Text.Json;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Insights;

/// <summary><c>supportbot report kpis</c> over a data folder holding the fixed conversations: JSON, CSV, HTML, and bad input.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ReportKpisCliTests
{
    private static readonly string[] TheDay = ["report", "kpis", "--since", "2026-12-05T09:00:00Z", "--until", "2026-12-06T09:00:00Z"];

    [Fact]
    public async Task Json_CarriesTheKpis()
    {
        using var data = await FilledFolderAsync();

        var (exit, output, _) = await CliRunner.RunAsync([.. TheDay, "--json", "--Storage:DataPath", data.Path]);

        Assert.Equal(0, exit);
        var kpis = JsonDocument.Parse(output).RootElement;
        Assert.Equal(6, kpis.GetProperty("conversations").GetInt32());
        Assert.Equal(0.5, kpis.GetProperty("containment").GetProperty("rate").GetDouble());
        Assert.Equal(1, kpis.GetProperty("containment").GetProperty("disputed").GetInt32());
        Assert.Equal((1, 1), (kpis.GetProperty("feedback").GetProperty("up").GetInt32(), kpis.GetProperty("feedback").GetProperty("down").GetInt32()));
        Assert.Equal([0, 1, 0, 0, 1], kpis.GetProperty("csat").GetProperty("distribution").EnumerateArray().Select(n => n.GetInt32()));
    }

    [Fact]
    public async Task Csv_IsOneTidyTable()
    {
        using var data = await FilledFolderAsync();

        var (exit, output, _) = await CliRunner.RunAsync([.. TheDay, "--csv", "--Storage:DataPath", data.Path]);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,key,metric,value", lines[0]);
        Assert.Contains("summary,,conversations,6", lines);
        Assert.Contains("summary,,handoff_rate_outside_hours,0.16666666666666666", lines);
        Assert.Contains("series,2026-12-05T00:00:00Z,handed_off,3", lines);
        Assert.Contains("faq_entry,shipping-times,answer_rate,0.5", lines);
        Assert.Contains("flow,start_return,handed_off,1", lines);
        Assert.Contains("summary,,contained_disputed,1", lines);
        Assert.Contains("summary,,feedback_up_share,0.5", lines);
        Assert.Contains("series,2026-12-05T00:00:00Z,contained_disputed,1", lines);
        Assert.Contains("faq_entry,shipping-times,feedback_down,1", lines);
        Assert.Contains("faq_entry,returns-window,feedback_up,1", lines);
    }

    [Fact]
    public async Task Text_ShowsDisputedAndTheThumbs()
    {
        using var data = await FilledFolderAsync();

        var (exit, output, _) = await CliRunner.RunAsync([.. TheDay, "--Storage:DataPath", data.Path]);

        Assert.Equal(0, exit);
        Assert.Matches(@"Contained, disputed \(conversations\) +1\r?\n", output);
        Assert.Matches(@"Answer feedback, thumbs up +1\r?\n", output);
        Assert.Matches(@"Answer feedback, thumbs down +1\r?\n", output);
        Assert.Matches(@"Answer feedback, share up +50\.0 %", output);
    }

    [Fact]
    public async Task Html_IsOneFileWithTheFiguresAndCharts()
    {
        using var data = await FilledFolderAsync();
        var path = Path.Combine(data.Path, "out", "kpis.html");

        var (exit, output, _) = await CliRunner.RunAsync([.. TheDay, "--html", path, "--Storage:DataPath", data.Path]);

        Assert.Equal(0, exit);
        Assert.Contains("Containment, confirmed", output, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(path);
        Assert.Contains("<title>Support KPIs 2026-12-05 – 2026-12-06</title>", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("src=\"data:image/png;base64,").Length - 1);
        Assert.Contains("<td>shipping-times</td>", html, StringComparison.Ordinal);
        Assert.Contains("1 thumbs up, 1 thumbs down (50.0 % up).", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>shipping-times</td><td class=\"num\">0</td><td class=\"num\">1</td></tr>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since", "05/12/2026", "is not a date")]
    [InlineData("--since", "2026-12-06", "must end after it starts")]
    [InlineData("--bucket", "week", "neither 'day' nor 'hour'")]
    public async Task BadInput_IsOneClearLineAndExitCode2(string option, string value, string said)
    {
        using var data = TempFolder.Create();
        string[] args = option == "--since"
            ? ["report", "kpis", "--since", value, "--until", "2026-12-06", "--Storage:DataPath", data.Path]
            : ["report", "kpis", "--since", "2026-12-01", option, value, "--Storage:DataPath", data.Path];

        var (exit, output, error) = await CliRunner.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(said, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSince_TheVerbSaysItIsRequired()
    {
        var (exit, _, error) = await CliRunner.RunAsync("report", "kpis");

        Assert.Equal(2, exit);
        Assert.Contains("--since", error, StringComparison.Ordinal);
    }

    private static async Task<TempFolder> FilledFolderAsync()
    {
        var folder = TempFolder.Create();
        using var database = new SqliteDatabase(folder.Path);
        await database.MigrateAsync(default);
        await FixedConversations.StoreAsync(database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return folder;
    }
}
