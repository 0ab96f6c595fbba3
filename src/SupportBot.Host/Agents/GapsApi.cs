using SupportBot.Insights;
using SupportBot.Insights.Gaps;
using SupportBot.Knowledge;

namespace SupportBot.Host.Agents;

/// <summary>
/// <c>GET /agent/api/insights/gaps?since=…&amp;until=…</c>: the content-gap report (<see cref="GapReport"/>) for signed-in
/// agents, over the knowledge in service. Without dates it covers the last 7 days.
/// </summary>
internal static class GapsApi
{
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);

    /// <summary>The longest period one request may ask for: the report reads every transcript in it and the one before.</summary>
    private static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(92);

    public static IEndpointRouteBuilder MapGapsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/agent/api/insights").WithTags("Agents").AddEndpointFilter<SameOriginCheck>()
            .RequireAuthorization(AgentAuthentication.Policy)
            .MapGet("/gaps", GapsAsync);
        return app;
    }

    private static async Task<IResult> GapsAsync(string? since, string? until, GapReportBuilder builder, LiveKnowledge knowledge, TimeProvider time,
        CancellationToken cancellationToken)
    {
        DateTimeOffset? from = null, to = null;
        if ((since is not null && (from = Date(since)) is null) || (until is not null && (to = Date(until)) is null))
        {
            return Results.Problem(title: "Bad date", detail: $"Give since and until as dates, e.g. {PeriodText.Example}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var end = to ?? time.GetUtcNow();
        var start = from ?? end - DefaultPeriod;
        if (end <= start || end - start > LongestPeriod)
        {
            return Results.Problem(title: "Bad period", detail: $"until must be after since, and the period at most {LongestPeriod.TotalDays:0} days.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Ok(await builder.BuildAsync(start, end, knowledge.Current.Index, cancellationToken).ConfigureAwait(false));
    }

    private static DateTimeOffset? Date(string text) => PeriodText.TryParse(text, out var at) ? at : null;
}
