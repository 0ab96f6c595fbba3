using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using SupportBot.Handoff;
using SupportBot.Host.Branding;
using SupportBot.Knowledge;

namespace SupportBot.Host.Agents;

/// <summary>
/// The agent console's API under <c>/agent/api</c>: sign in, the queue, live notices (server-sent events), and
/// claim / reply / hand back / resolve. Every call but sign-in needs a signed-in agent; an agent sees only the
/// queue entries of the reasons they handle and their own conversations. Errors are ProblemDetails.
/// </summary>
internal static class AgentApi
{
    private const int MaxMessageLength = 4000;
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapAgentApi(this IEndpointRouteBuilder app)
    {
        app.MapBrandedPage("/agent", "agent.html");

        var api = app.MapGroup("/agent/api").WithTags("Agents").AddEndpointFilter<SameOriginCheck>();
        api.MapPost("/session", SignInAsync).RequireRateLimiting(AgentAuthentication.SignInLimit);
        var agents = api.MapGroup("").RequireAuthorization(AgentAuthentication.Policy);
        agents.MapGet("/session", (HttpContext context, AgentDirectory directory) => Me(context, directory) is { } me ? Results.Ok(AgentView.Of(me)) : Gone());
        agents.MapDelete("/session", async (HttpContext context) =>
        {
            await context.SignOutAsync(AgentAuthentication.CookieScheme).ConfigureAwait(false);
            return Results.NoContent();
        });
        agents.MapGet("/queue", QueueAsync);
        agents.MapGet("/insights/kpis", InsightsApi.KpisAsync);
        agents.MapGet("/events", Events);
        agents.MapGet("/handoffs/{id}", OpenAsync);
        agents.MapGet("/handoffs/{id}/transcript", TranscriptAsync);
        agents.MapPost("/handoffs/{id}/claim", ClaimAsync);
        agents.MapPost("/handoffs/{id}/messages", SendAsync);
        agents.MapPost("/handoffs/{id}/return", (string id, HttpContext context, AgentDirectory directory, IAgentSession session, CancellationToken ct) =>
            ActAsync(id, context, directory, session, (agent, ticket) => session.ReturnAsync(agent, ticket, ct), ct));
        agents.MapPost("/handoffs/{id}/resolve", (string id, HttpContext context, AgentDirectory directory, IAgentSession session, CancellationToken ct) =>
            ActAsync(id, context, directory, session, (agent, ticket) => session.ResolveAsync(agent, ticket, ct), ct));
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, AgentDirectory directory)
    {
        SignInBody? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<SignInBody>(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            body = null;
        }

        if (body is not { Id.Length: > 0, Password.Length: > 0 })
        {
            return Results.Problem(title: "Incomplete sign-in", detail: "Send your agent id and password.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (directory.SignIn(body.Id, body.Password) is not { } agent)
        {
            return Results.Problem(title: "Sign-in failed", detail: "That agent id and password do not match.", statusCode: StatusCodes.Status401Unauthorized);
        }

        await context.SignInAsync(AgentAuthentication.CookieScheme, AgentDirectory.Principal(agent, AgentAuthentication.CookieScheme)).ConfigureAwait(false);
        return Results.Ok(AgentView.Of(agent));
    }

    private static async Task<IResult> QueueAsync(HttpContext context, AgentDirectory directory, IAgentSession session, AgentPresence presence, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Me(context, directory) is not { } agent)
        {
            return Gone();
        }

        var now = time.GetUtcNow();
        var items = await session.QueueForAsync(agent, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new QueueView([.. items.Select(t => QueueItemView.Of(t, now))], await presence.OnlineAsync(null, cancellationToken).ConfigureAwait(false)));
    }

    private static IResult Events(HttpContext context, AgentDirectory directory, AgentPresence presence, HandoffNotices notices, CancellationToken cancellationToken) =>
        Me(context, directory) is { } agent ? TypedResults.ServerSentEvents(StreamAsync(agent, presence, notices, cancellationToken)) : Gone();

    /// <summary>Notices for one agent while the console is open (which is what makes the agent "online").</summary>
    private static async IAsyncEnumerable<SseItem<object>> StreamAsync(AgentAccount agent, AgentPresence presence, HandoffNotices notices,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (reader, subscription) = notices.Subscribe();
        using var _ = subscription;
        await using var online = await PresenceNotice.OpenAsync(presence.Connect(agent), notices, cancellationToken).ConfigureAwait(false);
        yield return new SseItem<object>(new { online = true }, "hello");
        while (!cancellationToken.IsCancellationRequested)
        {
            HandoffNotice? notice = null;
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                wait.CancelAfter(KeepAlive);
                try
                {
                    notice = await reader.ReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Nothing happened: the ping below keeps proxies from closing an idle stream.
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
            }

            if (notice is null)
            {
                yield return new SseItem<object>(new { }, "ping");
            }
            else if (notice.Change == HandoffNotice.Message)
            {
                if (string.Equals(notice.AgentId, agent.Id, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new SseItem<object>(new { handoff_id = notice.HandoffId, conversation_id = notice.ConversationId }, "message");
                }
            }
            else
            {
                yield return new SseItem<object>(new { id = notice.HandoffId, change = notice.Change }, "queue");
            }
        }
    }

    private static Task<IResult> OpenAsync(string id, HttpContext context, AgentDirectory directory, IAgentSession session, AgentAssist assist,
        LiveKnowledge knowledge, TimeProvider time, CancellationToken cancellationToken) =>
        WithHandoffAsync(id, context, directory, session, async (_, ticket) =>
            Results.Ok(await ViewAsync(ticket, session, assist, knowledge, time, cancellationToken).ConfigureAwait(false)), cancellationToken);

    private static Task<IResult> TranscriptAsync(string id, long? after, HttpContext context, AgentDirectory directory, IAgentSession session,
        LiveKnowledge knowledge, CancellationToken cancellationToken) =>
        WithHandoffAsync(id, context, directory, session, async (_, ticket) =>
            Results.Ok(await TranscriptAfterAsync(ticket, after ?? -1, session, knowledge, cancellationToken).ConfigureAwait(false)), cancellationToken);

    /// <summary>The lines after <paramref name="after"/> (-1: all) and every vote of the conversation.</summary>
    private static async Task<TranscriptView> TranscriptAfterAsync(HandoffTicket ticket, long after, IAgentSession session, LiveKnowledge knowledge,
        CancellationToken cancellationToken)
    {
        var stored = await session.TranscriptAsync(ticket.ConversationId, after, cancellationToken).ConfigureAwait(false);
        var votes = await session.VotesAsync(ticket.ConversationId, cancellationToken).ConfigureAwait(false);
        return new TranscriptView(TranscriptLine.Of(stored, knowledge.Current.Knowledge.Prompt.Persona), stored.Count > 0 ? stored[^1].Sequence : after, LineVote.Of(votes));
    }

    private static Task<IResult> ClaimAsync(string id, HttpContext context, AgentDirectory directory, IAgentSession session, AgentAssist assist,
        LiveKnowledge knowledge, TimeProvider time, CancellationToken cancellationToken) =>
        WithHandoffAsync(id, context, directory, session, async (agent, ticket) =>
        {
            var claimed = await session.ClaimAsync(agent, ticket, cancellationToken).ConfigureAwait(false);
            return Results.Ok(await ViewAsync(claimed, session, assist, knowledge, time, cancellationToken).ConfigureAwait(false));
        }, cancellationToken, session.FindClaimableForAsync);

    private static async Task<IResult> SendAsync(string id, AgentMessageBody? body, HttpContext context, AgentDirectory directory, IAgentSession session, CancellationToken cancellationToken)
    {
        if (body is not { Text: { } text, ClientId: { Length: > 0 and <= 100 } clientId } || string.IsNullOrWhiteSpace(text))
        {
            return Results.Problem(title: "Incomplete message", detail: "Send the text and a client_id (any unique string, reused when you retry).", statusCode: StatusCodes.Status400BadRequest);
        }

        if (text.Length > MaxMessageLength)
        {
            return Results.Problem(title: "Message too long", detail: $"A message may be at most {MaxMessageLength} characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        return await WithHandoffAsync(id, context, directory, session, async (agent, ticket) =>
            Results.Ok(new SentView(await session.SendAsync(agent, ticket, text.Trim(), clientId, cancellationToken).ConfigureAwait(false))), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Hand back and resolve: an action with nothing to return but success.</summary>
    private static Task<IResult> ActAsync(string id, HttpContext context, AgentDirectory directory, IAgentSession session, Func<AgentAccount, HandoffTicket, Task> act,
        CancellationToken cancellationToken) =>
        WithHandoffAsync(id, context, directory, session, async (agent, ticket) =>
        {
            await act(agent, ticket).ConfigureAwait(false);
            return Results.Ok();
        }, cancellationToken);

    /// <summary>
    /// Every call on one handoff: the signed-in agent, the entry if they may see it (404 otherwise, so ids of other
    /// agents' conversations give nothing away), and a refusal from the session as 409.
    /// </summary>
    private static async Task<IResult> WithHandoffAsync(string id, HttpContext context, AgentDirectory directory, IAgentSession session,
        Func<AgentAccount, HandoffTicket, Task<IResult>> handle, CancellationToken cancellationToken,
        Func<AgentAccount, string, CancellationToken, Task<HandoffTicket?>>? find = null)
    {
        if (Me(context, directory) is not { } agent)
        {
            return Gone();
        }

        if (await (find ?? session.FindForAsync)(agent, id, cancellationToken).ConfigureAwait(false) is not { } ticket)
        {
            return NotFound(id);
        }

        try
        {
            return await handle(agent, ticket).ConfigureAwait(false);
        }
        catch (HandoffConflictException ex)
        {
            return Conflict(ex.Message);
        }
    }

    private static async Task<HandoffView> ViewAsync(HandoffTicket ticket, IAgentSession session, AgentAssist assist, LiveKnowledge knowledge, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var transcript = await TranscriptAfterAsync(ticket, -1, session, knowledge, cancellationToken).ConfigureAwait(false);
        var shopperTexts = transcript.Lines.Where(l => l.From == "shopper").Select(l => l.Text).Reverse().Append(ticket.LastMessage ?? "");
        var suggestion = await assist.SuggestAsync(shopperTexts, cancellationToken).ConfigureAwait(false);
        return HandoffView.Of(QueueItemView.Of(ticket, time.GetUtcNow()), ticket, transcript, suggestion);
    }

    private static AgentAccount? Me(HttpContext context, AgentDirectory directory) => directory.Of(context.User);

    /// <summary>Signed in as an agent the configuration no longer has.</summary>
    private static IResult Gone() =>
        Results.Problem(title: "Sign in first", detail: "Your agent account is not configured any more.", statusCode: StatusCodes.Status401Unauthorized);

    private static IResult NotFound(string id) =>
        Results.Problem(title: "No such conversation", detail: $"There is no conversation '{id}' you can see.", statusCode: StatusCodes.Status404NotFound);

    private static IResult Conflict(string detail) =>
        Results.Problem(title: "Someone else got there first", detail: detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>An agent online while the stream is open; other consoles (on any instance) refresh their "agents online" when it opens and closes.</summary>
    private sealed class PresenceNotice : IAsyncDisposable
    {
        private readonly IDisposable _connection;
        private readonly HandoffNotices _notices;

        private PresenceNotice(IDisposable connection, HandoffNotices notices)
        {
            _connection = connection;
            _notices = notices;
        }

        public static async Task<PresenceNotice> OpenAsync(IDisposable connection, HandoffNotices notices, CancellationToken cancellationToken)
        {
            await notices.PublishAsync(new HandoffNotice("", "", HandoffNotice.Updated), cancellationToken).ConfigureAwait(false);
            return new PresenceNotice(connection, notices);
        }

        public async ValueTask DisposeAsync()
        {
            _connection.Dispose();
            await _notices.PublishAsync(new HandoffNotice("", "", HandoffNotice.Updated), CancellationToken.None).ConfigureAwait(false);
        }
    }
}
