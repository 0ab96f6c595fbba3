using SupportBot.Knowledge;
using SupportBot.Understanding.Intents;

namespace SupportBot.Host.Server;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: it can answer shoppers (knowledge and intent model loaded).</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).WithName("Health").ExcludeFromDescription();
        app.MapGet("/readyz", (LiveKnowledge knowledge, LiveIntents intents) =>
        {
            var status = knowledge.Status;
            var ready = knowledge.IsLoaded && intents.IsLoaded;
            var body = new
            {
                status = ready ? "ready" : "starting",
                knowledge = new { status.Version, status.Entries, status.LoadedAt },
                intents = intents.IsLoaded ? new { intents.Current.Info.Hash, Intents = intents.Current.Info.Intents.Count } : null,
            };
            return ready ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).WithName("Ready");
        return app;
    }
}
