using SupportBot.Host.Agents;
using SupportBot.Host.DirectLine;
using SupportBot.Privacy;

namespace SupportBot.Host.Privacy;

/// <summary>
/// <c>DELETE /agent/api/privacy/shoppers?email=…|user=…|conversation=…</c>: support staff keep the FAQ's promise of
/// deletion on request. Signed-in agents (cookie or <c>X-Api-Key</c>) only; under <c>/agent</c> so the console's
/// cookie reaches it. Answers what was removed; errors are ProblemDetails.
/// </summary>
internal static partial class PrivacyApi
{
    public static IServiceCollection AddRetentionService(this IServiceCollection services) => services.AddHostedService<RetentionService>();

    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/agent/api/privacy/shoppers", DeleteAsync).RequireAuthorization(AgentAuthentication.Policy).WithTags("Privacy");
        return app;
    }

    private static async Task<IResult> DeleteAsync(string? email, string? user, string? conversation, bool? dryRun, HttpContext context,
        ShopperErasure erasure, DirectLineConversations directLine, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var query = new ShopperQuery(email, user, conversation);
        if (query.IsEmpty)
        {
            return Results.Problem(title: "Whose data?", detail: "Name the shopper with ?email=, ?user= (their chat user id) or ?conversation=.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            return Results.Problem(title: "Not an e-mail address", detail: "?email= needs an address such as name@example.com.", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await erasure.EraseAsync(query, dryRun ?? false, cancellationToken).ConfigureAwait(false);
        if (dryRun != true)
        {
            foreach (var id in result.ConversationIds)
            {
                directLine.Forget(id);
            }

            // Who deleted how much, never whose data: the request itself is personal.
            LogErased(loggers.CreateLogger(typeof(PrivacyApi)), context.User.Identity?.Name ?? "agent", result.Counts.Conversations, result.Counts.Tickets, result.Counts.Profiles);
        }

        return Results.Ok(new
        {
            dryRun = dryRun ?? false,
            conversations = result.Counts.Conversations,
            activities = result.Counts.Activities,
            tickets = result.Counts.Tickets,
            profiles = result.Counts.Profiles,
        });
    }

    [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "Privacy: agent {Agent} deleted a shopper's data on request ({Conversations} conversations, {Tickets} handoff tickets, {Profiles} profiles)")]
    private static partial void LogErased(ILogger logger, string agent, int conversations, int tickets, int profiles);
}
