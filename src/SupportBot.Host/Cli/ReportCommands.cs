using System.CommandLine;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using SupportBot.Host.Reports.Kpis;
using SupportBot.Host.Views;
using SupportBot.Insights.Kpis;

namespace SupportBot.Host.Cli;

/// <summary><c>supportbot report kpis</c> (docs/INSIGHTS.md) and <c>report gaps</c> (docs/CONTENT-GAPS.md) over the configured store.</summary>
internal static class ReportCommands
{
    /// <summary>Periods longer than this get a progress bar on a terminal: on a big store they take seconds.</summary>
    private static readonly TimeSpan LongPeriod = TimeSpan.FromDays(31);

    public static Command Create(CliContext context)
    {
        var command = new Command("report", "Reports over the conversations the server has stored.");
        command.Subcommands.Add(Kpis(context));
        command.Subcommands.Add(GapReportCommand.Create(context));
        return command;
    }

    private static Command Kpis(CliContext context)
    {
        var since = new Option<string>("--since") { Description = "Start of the period: 2026-11-01 (midnight UTC) or an ISO 8601 time.", Required = true };
        var until = new Option<string?>("--until") { Description = "End of the period, not included (default: now)." };
        var bucket = new Option<string?>("--bucket") { Description = "The series' step: day (default) or hour." };
        var json = new Option<bool>("--json") { Description = "Print the KPIs as JSON." };
        var csv = new Option<bool>("--csv") { Description = "Print the KPIs as CSV (section,key,metric,value)." };
        var html = new Option<string?>("--html") { Description = "Also write an HTML report with charts to this file." };
        var command = new Command("kpis", "First response, resolution, containment, handoffs, CSAT, repeat contacts, answer rates and order flows over a period.")
        {
            since, until, bucket, json, csv, html,
        };
        command.SetAction((parse, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            if (parse.GetValue(json) && parse.GetValue(csv))
            {
                throw new UsageException("report kpis: choose one of --json and --csv");
            }

            using var host = context.BuildToolHost();
            var time = host.Services.GetRequiredService<TimeProvider>();
            KpiPeriod period;
            try
            {
                period = KpiPeriodText.Parse(parse.GetValue(since), parse.GetValue(until), parse.GetValue(bucket), time.GetUtcNow());
            }
            catch (FormatException ex)
            {
                throw new UsageException($"report kpis: {ex.Message}");
            }

            var database = host.Services.GetRequiredService<SupportBot.Storage.Database>();
            await database.BringSchemaUpToDateAsync(cancellationToken).ConfigureAwait(false);
            var report = await ComputeAsync(context, host.Services.GetRequiredService<KpiCalculator>(), period, cancellationToken).ConfigureAwait(false);
            var output = parse.GetValue(json) ? JsonSerializer.Serialize(report, ViewJson.Options) + "\n"
                : parse.GetValue(csv) ? KpiFigures.Csv(report)
                : KpiFigures.Text(report);
            await context.Output.WriteAsync(output).ConfigureAwait(false);
            if (parse.GetValue(html) is { } path)
            {
                var full = Path.GetFullPath(path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, await KpiHtmlReport.RenderAsync(report).ConfigureAwait(false), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            }

            return SupportBotCli.Success;
        }));
        return command;
    }

    private static async Task<KpiReport> ComputeAsync(CliContext context, KpiCalculator kpis, KpiPeriod period, CancellationToken cancellationToken)
    {
        if (period.Until - period.Since <= LongPeriod || Console.IsErrorRedirected || context.Error != Console.Error)
        {
            return await kpis.ComputeAsync(period, null, cancellationToken).ConfigureAwait(false);
        }

        KpiReport? report = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask("Reading the period's turns", maxValue: 1);
            report = await kpis.ComputeAsync(period, new Progress<double>(done => task.Value = done), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return report!;
    }
}
