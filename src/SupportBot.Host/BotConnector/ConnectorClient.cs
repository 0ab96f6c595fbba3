using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Schema;

namespace SupportBot.Host.BotConnector;

/// <summary>
/// Sends the bot's replies back through the Connector REST API at the activity's <c>serviceUrl</c>, only where
/// <see cref="ServiceUrlPolicy"/> allows (checked again here, whoever asks), with the bot's token only for an
/// allow-listed host. The HTTP client neither follows redirects nor waits long (see <see cref="BotConnectorApi"/>).
/// </summary>
internal sealed class ConnectorClient(HttpClient http, IOptions<BotConnectorOptions> options, ConnectorTokenCache cache, ServiceUrlPolicy policy, TimeProvider time)
{
    /// <summary>POST {serviceUrl}/v3/conversations/{conversation}/activities/{replyToId}; an <see cref="HttpRequestException"/> when not delivered.</summary>
    public async Task SendAsync(string serviceUrl, Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (policy.Refusal(serviceUrl) is { } refusal)
        {
            throw new HttpRequestException(refusal);
        }

        var conversation = Uri.EscapeDataString(reply.Conversation!.Id);
        var path = reply.ReplyToId is null
            ? $"v3/conversations/{conversation}/activities"
            : $"v3/conversations/{conversation}/activities/{Uri.EscapeDataString(reply.ReplyToId)}";
        var target = new Uri(new Uri(serviceUrl.TrimEnd('/') + "/"), path);
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = JsonContent.Create(reply, options: ActivityJson.Options),
        };
        if (policy.IsAllowedHost(target) && await TokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }
        catch (Exception ex) when (ex is TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"The channel did not answer within {options.Value.ReplyTimeoutSeconds} s.", ex);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException ex)
        {
            throw new HttpRequestException("The channel failed too often just now; replies to it are paused for a few seconds.", ex);
        }
    }

    /// <summary>A client-credentials token for the App ID, cached until shortly before it expires; none for the Emulator.</summary>
    private async Task<string?> TokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.AppId) || string.IsNullOrEmpty(settings.AppPassword))
        {
            return null;
        }

        await cache.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (cache.Token is not null && time.GetUtcNow() < cache.Expires)
            {
                return cache.Token;
            }

            using var response = await http.PostAsync(new Uri(settings.OutboundTokenEndpoint), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.AppId,
                ["client_secret"] = settings.AppPassword,
                ["scope"] = settings.OutboundScope,
            }), cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            cache.Token = body.GetProperty("access_token").GetString();
            cache.Expires = time.GetUtcNow().AddSeconds(body.GetProperty("expires_in").GetInt32() - 300);
            return cache.Token;
        }
        finally
        {
            cache.Gate.Release();
        }
    }
}

/// <summary>The outbound token, shared by every connector client (they are short-lived; the token lives about an hour).</summary>
internal sealed class ConnectorTokenCache : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public string? Token { get; set; }

    public DateTimeOffset Expires { get; set; }

    public void Dispose() => Gate.Dispose();
}
