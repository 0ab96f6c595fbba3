using SupportBot.Insights.Kpis;

namespace SupportBot.Host.Agents;

/// <summary>
/// <c>GET /agent/api/insights/kpis?since=2026-11-01&amp;until=2026-12-01&amp;bucket=day|hour</c>: the KPIs of
/// docs/INSIGHTS.md for the Insights page, for signed-in agents (the group that maps it requires the agent policy).
/// A bad date or bucket is a 400 ProblemDetails saying which.
/// </summary>
internal static class InsightsApi
{
    public static async Task<IResult> KpisAsync(string? since, string? until, string? bucket, KpiCalculator kpis, TimeProvider time, CancellationToken cancellationToken)
    {
        KpiPeriod period;
        try
        {
            period = KpiPeriodText.Parse(since, until, bucket, time.GetUtcNow());
        }
        catch (FormatException ex)
        {
            return Results.Problem(title: "Bad period", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Ok(await kpis.ComputeAsync(period, cancellationToken: cancellationToken).ConfigureAwait(false));
    }
}
