using SupportBot.Host.Agents;
using SupportBot.Host.Views;
using SupportBot.Knowledge;

namespace SupportBot.Host.Knowledge;

/// <summary>
/// The editors' window on the index: try a question and see why it matched (<c>/api/knowledge/search</c>), and
/// see what is in service and what the last change broke (<c>/api/knowledge/status</c>, for signed-in agents: it
/// shows unpublished edits). Files are named relative to the knowledge folder, never by where the server keeps them.
/// </summary>
internal static class KnowledgeApi
{
    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/knowledge").WithTags("Knowledge");
        group.MapGet("/search", Search).WithName("SearchKnowledge");
        group.MapGet("/status", (LiveKnowledge knowledge) => Results.Ok(knowledge.Status)).WithName("KnowledgeStatus")
            .RequireAuthorization(AgentAuthentication.Policy);
        return app;
    }

    /// <param name="q">The shopper's question.</param>
    /// <param name="top">How many answers (1-50, default 3).</param>
    /// <param name="locale">The question's language (<c>fr</c>, <c>es-ES</c>…): its entries and analysis; default: the default language's.</param>
    /// <param name="knowledge">The knowledge in service.</param>
    /// <param name="cancellationToken">The request's.</param>
    private static async Task<IResult> Search(string? q, int? top, string? locale, LiveKnowledge knowledge, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Results.Problem(title: "A question is required", detail: "Pass the shopper's question as ?q=…",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (top is < 1 or > 50)
        {
            return Results.Problem(title: "top is out of range", detail: "top must be between 1 and 50",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var snapshot = knowledge.Current;
        var index = snapshot.Index;
        if (!string.IsNullOrWhiteSpace(locale))
        {
            var language = KnowledgeLanguages.Of(locale.Trim());
            if (!KnowledgeLanguages.IsLanguage(language) || !snapshot.Indexes.Has(language))
            {
                return Results.Problem(title: "Unknown locale",
                    detail: $"The knowledge has no entries in '{locale}'; its languages: {string.Join(", ", snapshot.Indexes.Languages)}",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            index = snapshot.Indexes.For(language);
        }

        var answer = await index.SearchAsync(q, top ?? 3, cancellationToken).ConfigureAwait(false);
        return Results.Ok(AnswerView.From(answer, knowledge.MinConfidence, snapshot.Version));
    }
}
