using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Schema;
using SupportBot.Evaluation.Conversations;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace SupportBot.Host.Evaluation;

/// <summary>
/// Conversations against a running bot over Direct Line 3.0, as Web Chat talks to it: a token (from the Direct Line
/// secret, or the page's own token endpoint), a new conversation, each message posted, and the replies polled until
/// the turn's decision trace (or, when none comes, a quiet second) arrives. Only the secret's holder is sent decision
/// traces, so checks of intent, FAQ source or handoff need <c>--secret</c>; with the page's token a run checks what a
/// shopper sees.
/// </summary>
internal sealed class DirectLineDriver(HttpClient http, string? secret, TimeSpan turnTimeout) : IConversationDriver
{
    private HttpClient Http => http;

    private TimeSpan TurnTimeout => turnTimeout;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    public string Target => http.BaseAddress!.ToString();

    public async Task<(IConversationSession Session, TurnObservation Welcome)> StartAsync(string? locale, CancellationToken cancellationToken)
    {
        var credential = secret ?? await PageTokenAsync(cancellationToken).ConfigureAwait(false);
        using var start = Request(HttpMethod.Post, "v3/directline/conversations", credential);
        // The locale rides on the start too, for a bot that words its welcome from it; Web Chat sends it on every activity.
        start.Content = JsonContent.Create(new StartBody(new ChannelAccount("eval-shopper-" + Guid.NewGuid().ToString("N")[..8]), locale), options: ActivityJson.Options);
        using var started = await http.SendAsync(start, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(started, "start a conversation", cancellationToken).ConfigureAwait(false);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
        // With the secret the session keeps using it, so polls include the decision traces the checks read; with the
        // page's token it sees only what a shopper sees, and each turn ends after a quiet second.
        var session = new Session(this, body.GetProperty("conversationId").GetString()!, secret ?? body.GetProperty("token").GetString()!, locale);
        return (session, await session.WelcomeAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<string> PageTokenAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(new Uri("api/webchat/token", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            throw new HttpRequestException("the bot's page hands out a limited number of conversations a minute per address: "
                + "pass its Direct Line secret (DirectLine:Secret) with --secret to replay more");
        }

        await EnsureAsync(response, "get a Web Chat token (pass --secret for a bot without /api/webchat/token)", cancellationToken).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false)).GetProperty("token").GetString()!;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string credential)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return request;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"could not {what}: {(int)response.StatusCode} {detail[..Math.Min(200, detail.Length)]}");
        }
    }

    /// <summary>The body of a conversation start: who the shopper is and, when the script names one, their locale.</summary>
    private sealed record StartBody(ChannelAccount User, string? Locale);

    private sealed class Session(DirectLineDriver driver, string conversationId, string token, string? locale) : IConversationSession
    {
        private string _watermark = "";

        public async Task<TurnObservation> WelcomeAsync(CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            return await CollectAsync(null, started, cancellationToken).ConfigureAwait(false);
        }

        public async Task<TurnObservation> SayAsync(string text, CancellationToken cancellationToken)
        {
            using var post = Request(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token);
            post.Content = JsonContent.Create(new Activity
            {
                Type = ActivityTypes.Message,
                Text = text,
                From = new ChannelAccount("eval-shopper", null, "user"),
                Locale = locale,
                ChannelData = JsonSerializer.SerializeToElement(new { clientActivityID = Guid.NewGuid().ToString("N") }),
            }, options: ActivityJson.Options);
            var started = Stopwatch.GetTimestamp();
            using var posted = await driver.Http.SendAsync(post, cancellationToken).ConfigureAwait(false);
            await EnsureAsync(posted, "post a message", cancellationToken).ConfigureAwait(false);
            var echo = (await posted.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false)).GetProperty("id").GetString();
            return await CollectAsync(echo, started, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The bot's activities for one turn (replying to <paramref name="echo"/>; null for the welcome).</summary>
        private async Task<TurnObservation> CollectAsync(string? echo, long started, CancellationToken cancellationToken)
        {
            var replies = new List<Activity>();
            double first = 0;
            var lastNew = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(started) < driver.TurnTimeout)
            {
                using var poll = Request(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities?watermark={_watermark}", token);
                using var response = await driver.Http.SendAsync(poll, cancellationToken).ConfigureAwait(false);
                await EnsureAsync(response, "read the replies", cancellationToken).ConfigureAwait(false);
                var set = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
                if (set.TryGetProperty("watermark", out var mark) && mark.ValueKind == JsonValueKind.String)
                {
                    _watermark = mark.GetString()!;
                }

                var fresh = set.GetProperty("activities").EnumerateArray().Select(a => a.Deserialize<Activity>(ActivityJson.Options)!)
                    .Where(a => a.From?.Role == "bot" && (echo is null || a.ReplyToId == echo)).ToList();
                if (fresh.Count > 0)
                {
                    first = first == 0 ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : first;
                    replies.AddRange(fresh);
                    lastNew = Stopwatch.GetTimestamp();
                }

                var traced = replies.Any(a => a.Type == ActivityTypes.Trace && a.Name == "SupportBot.Decision");
                if (traced || (replies.Count > 0 && Stopwatch.GetElapsedTime(lastNew) > Quiet))
                {
                    return ObservedTurn.From(replies, first);
                }

                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }

            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"no reply within {driver.TurnTimeout.TotalSeconds:0} s"));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
