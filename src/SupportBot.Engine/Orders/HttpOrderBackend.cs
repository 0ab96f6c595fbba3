using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SupportBot.Orders;

/// <summary>
/// A shop's own order system over HTTP. The client comes configured: <c>BaseAddress</c> is the shop's API root
/// ending with '/', <c>Authorization: Bearer &lt;Orders:ApiKey&gt;</c>, and the timeout of <c>Orders:TimeoutSeconds</c>.
/// <para>The contract (JSON in the shape of <see cref="Order"/>, snake_case names; every field present, the nullable
/// ones may be <c>null</c>; order numbers URL-escaped in paths):</para>
/// <list type="table">
/// <item><term><c>GET orders/{number}</c></term><description>200 an <see cref="Order"/>; 404 when there is none.</description></item>
/// <item><term><c>GET customers/{customer_id}/orders</c></term><description>200 an array of <see cref="Order"/> in any order (sorted here, newest first); 404 is read as none.</description></item>
/// <item><term><c>POST orders/{number}/returns</c></term><description>body <c>{"lines":[{"line_id":"L1","quantity":1}],"reason":"…"}</c>; 201 a <see cref="ReturnRequest"/>.</description></item>
/// <item><term><c>POST orders/{number}/exchanges</c></term><description>body <c>{"line":{"line_id":"L1","quantity":1,"new_size":"L"},"reason":"…"}</c>; 201 an <see cref="ExchangeRequest"/>. A shop without exchanges answers 404, 405 or 501 and the bot hands the request to a person.</description></item>
/// <item><term><c>POST orders/{number}/cancel</c></term><description>no body; 200 the cancelled <see cref="Order"/>.</description></item>
/// <item><term><c>PUT orders/{number}/shipping-address</c></term><description>body an <see cref="Address"/>; 200 the updated <see cref="Order"/>.</description></item>
/// </list>
/// <para>A refusal is 409 or 422 with <c>{"error":{"code":"already_shipped","message":"…"}}</c> and becomes an
/// <see cref="OrderActionRefusedException"/>; 404 on an action is the refusal <c>unknown_order</c>. Anything else
/// (no connection, a timeout, 401/403, 5xx, an unexpected status, a body that is not the contract's JSON) is an
/// <see cref="OrderBackendUnavailableException"/>, whose message never carries the API key.</para>
/// </summary>
internal sealed class HttpOrderBackend(HttpClient http) : IOrderBackend
{
    // Refusals are read leniently: a code without a message (or the reverse) is still the shop's answer.
    private static readonly JsonSerializerOptions RefusalJson = new(OrderBackendJson.Default.Options)
    {
        RespectNullableAnnotations = false,
        RespectRequiredConstructorParameters = false,
    };

    public async Task<Order?> FindOrderAsync(string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        var path = $"orders/{Uri.EscapeDataString(number)}";
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(response, path);
        return await ReadAsync<Order>(response, path, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Order>> OrdersOfCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var path = $"customers/{Uri.EscapeDataString(customerId)}/orders";
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        EnsureSuccess(response, path);
        var orders = await ReadAsync<List<Order>>(response, path, cancellationToken).ConfigureAwait(false);
        return orders.Any(o => o is null)
            ? throw Malformed(path, null)
            : orders.OrderByDescending(o => o.PlacedAt).ToList(); // newest first, whatever order the shop sent
    }

    public Task<ReturnRequest> CreateReturnAsync(string number, IReadOnlyList<ReturnLine> lines, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(reason);
        return ActAsync<ReturnRequest>(HttpMethod.Post, number, "returns", JsonContent.Create(new ReturnBody(lines, reason), OrderBackendJson.Default.ReturnBody), cancellationToken);
    }

    public async Task<ExchangeRequest> CreateExchangeAsync(string number, ExchangeLine line, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(reason);
        var path = $"orders/{Uri.EscapeDataString(number)}/exchanges";
        using var body = JsonContent.Create(new ExchangeBody(line, reason), OrderBackendJson.Default.ExchangeBody);
        using var response = await SendAsync(HttpMethod.Post, path, body, cancellationToken).ConfigureAwait(false);

        // A shop whose API has no exchanges: not an outage, a request a person completes.
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented
            && await FindOrderAsync(number, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new OrderActionRefusedException(OrderActionRefusedException.NotSupported, "The order service does not create exchanges.");
        }

        await ThrowIfRefusedAsync(response, number, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response, path);
        return await ReadAsync<ExchangeRequest>(response, path, cancellationToken).ConfigureAwait(false);
    }

    public Task<Order> CancelAsync(string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        return ActAsync<Order>(HttpMethod.Post, number, "cancel", null, cancellationToken);
    }

    public Task<Order> ChangeShippingAddressAsync(string number, Address address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(address);
        return ActAsync<Order>(HttpMethod.Put, number, "shipping-address", JsonContent.Create(address, OrderBackendJson.Default.Address), cancellationToken);
    }

    /// <summary>An action on one order: <c>{method} orders/{number}/{action}</c>, with the shop's refusals and failures mapped.</summary>
    private async Task<T> ActAsync<T>(HttpMethod method, string number, string action, HttpContent? body, CancellationToken cancellationToken)
        where T : class
    {
        using (body)
        {
            var path = $"orders/{Uri.EscapeDataString(number)}/{action}";
            using var response = await SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
            await ThrowIfRefusedAsync(response, number, cancellationToken).ConfigureAwait(false);
            EnsureSuccess(response, path);
            return await ReadAsync<T>(response, path, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            // The client's own timeout, not the caller giving up.
            throw new OrderBackendUnavailableException(
                $"{method} {path}: the order service did not answer within {http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.", exception);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException exception)
        {
            // Recent calls failed: the shop gets a moment to recover instead of more requests.
            throw new OrderBackendUnavailableException($"{method} {path}: the order service failed repeatedly; calls pause briefly.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new OrderBackendUnavailableException($"{method} {path}: the order service could not be reached ({exception.HttpRequestError}).", exception);
        }
        catch (InvalidOperationException exception)
        {
            // No BaseAddress: Orders:BaseUrl is missing.
            throw new OrderBackendUnavailableException($"{method} {path}: the order service is not configured (Orders:BaseUrl).", exception);
        }
    }

    /// <summary>409 and 422 carry the shop's reason; 404 on an action means there is no such order.</summary>
    private static async Task ThrowIfRefusedAsync(HttpResponseMessage response, string number, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new OrderActionRefusedException("unknown_order", $"There is no order {number}.");
        }

        if (response.StatusCode is not (HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity))
        {
            return;
        }

        RefusalBody? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync<RefusalBody>(RefusalJson, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // A refusal without the contract's body is still a refusal; the shopper gets the general wording.
        }

        var code = body?.Error?.Code;
        throw new OrderActionRefusedException(
            string.IsNullOrWhiteSpace(code) ? "refused" : code,
            body?.Error?.Message ?? $"The shop declined this request for order {number}.");
    }

    private static void EnsureSuccess(HttpResponseMessage response, string path)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var what = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? "the order service refused the bot's credentials (check Orders:ApiKey)"
            : "the order service answered with an error";
        throw new OrderBackendUnavailableException(
            $"{response.RequestMessage?.Method} {path}: {what}: {status.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}.");
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(OrderBackendJson.Default.Options, cancellationToken).ConfigureAwait(false) ?? throw Malformed(path, null);
        }
        catch (JsonException exception)
        {
            throw Malformed(path, exception);
        }
        catch (NotSupportedException exception)
        {
            // Not JSON at all (the content type says so).
            throw Malformed(path, exception);
        }
    }

    private static OrderBackendUnavailableException Malformed(string path, Exception? inner)
    {
        var message = $"{path}: the order service answered with a body that is not the contract's JSON.";
        return inner is null ? new OrderBackendUnavailableException(message) : new OrderBackendUnavailableException(message, inner);
    }
}
