using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using SupportBot.DemoStore;
using SupportBot.Orders;

namespace SupportBot.Tests.Support;

/// <summary>How the fake shop misbehaves, when told to.</summary>
public enum ShopFailure
{
    None,
    ServerError,
    Slow,
    MalformedJson,
    Unauthorized,
}

/// <summary>
/// A shop's own order API as docs/OPERATIONS.md's contract describes it: a real HTTP server on 127.0.0.1 serving orders from
/// a dictionary under <c>/shop/api/</c>, recording every request, and failing on demand.
/// </summary>
internal sealed class FakeShopServer : IAsyncDisposable
{
    public const string BasePath = "/shop/api/";

    /// <summary>The contract's JSON, and the anonymous refusal bodies written under the same settings.</summary>
    private static readonly JsonSerializerOptions Json = new(OrderBackendJson.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(OrderBackendJson.Default, new DefaultJsonTypeInfoResolver()),
    };

    private readonly WebApplication _app;
    private int _rmas = 500_000;

    private FakeShopServer(WebApplication app, string apiKey)
    {
        _app = app;
        ApiKey = apiKey;
    }

    /// <summary>The key requests must carry as <c>Authorization: Bearer</c>; anything else gets 401.</summary>
    public string ApiKey { get; }

    public ConcurrentDictionary<string, Order> Orders { get; } = new(StringComparer.Ordinal);

    /// <summary>Stocks the shop with the demo store's scenario orders (LP10000001–LP10000012), dated relative to <paramref name="now"/>.</summary>
    public void StockDemoScenarios(DateTimeOffset now)
    {
        foreach (var order in DemoSeed.Load(now).Scenarios)
        {
            Orders[order.Number] = order;
        }
    }

    /// <summary>Off: the shop's API has no exchanges route (405), as many shops' APIs do not.</summary>
    public bool ExchangesSupported { get; set; } = true;

    /// <summary>Every request: method, raw target as sent (still escaped), Authorization header, body.</summary>
    public ConcurrentQueue<(string Method, string Target, string Authorization, string Body)> Requests { get; } = new();

    public ShopFailure Failure { get; set; }

    /// <summary>This many next requests get a 503 (a shop restarting), then it answers again.</summary>
    public int TransientFailures
    {
        get => Volatile.Read(ref _transientFailures);
        set => Volatile.Write(ref _transientFailures, value);
    }

    /// <summary>Only requests with this method count against <see cref="TransientFailures"/>; null: any.</summary>
    public string? TransientFailureMethod { get; set; }

    private int _transientFailures;

    public TimeSpan SlowBy { get; set; } = TimeSpan.FromSeconds(10);

    public Uri Address => new(_app.Urls.First());

    public Uri BaseAddress => new(Address, BasePath);

    public static async Task<FakeShopServer> StartAsync(string apiKey = "test-key-3f9c2d")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var server = new FakeShopServer(app, apiKey);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>A client configured as the host's DI configures it.</summary>
    public HttpClient CreateClient(string? apiKey = null, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey ?? ApiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var authorization = context.Request.Headers.Authorization.ToString();
        Requests.Enqueue((context.Request.Method, target, authorization, body));

        if ((TransientFailureMethod is null || TransientFailureMethod == context.Request.Method) && Interlocked.Decrement(ref _transientFailures) >= 0)
        {
            await Reply(context, 503, new { error = new { code = "unavailable", message = "restarting" } });
            return;
        }

        switch (Failure)
        {
            case ShopFailure.ServerError:
                await Reply(context, 500, new { error = new { code = "internal", message = "boom" } });
                return;
            case ShopFailure.Slow:
                try
                {
                    await Task.Delay(SlowBy, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                break;
            case ShopFailure.MalformedJson:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"number\": \"LP1000");
                return;
            case ShopFailure.Unauthorized:
                await Reply(context, 401, new { error = new { code = "unauthorized", message = "bad key" } });
                return;
        }

        if (authorization != $"Bearer {ApiKey}")
        {
            await Reply(context, 401, new { error = new { code = "unauthorized", message = "bad key" } });
            return;
        }

        if (!target.StartsWith(BasePath, StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var segments = target[BasePath.Length..].Split('?')[0].Split('/').Select(Uri.UnescapeDataString).ToArray();
        var method = context.Request.Method;
        switch (segments)
        {
            case ["orders", var number] when method == "GET":
                await ReplyWithOrder(context, number, order => (200, order));
                return;
            case ["customers", var customer, "orders"] when method == "GET":
                await Reply(context, 200, Orders.Values.Where(o => o.CustomerId == customer).OrderByDescending(o => o.PlacedAt).ToList());
                return;
            case ["orders", var number, "cancel"] when method == "POST":
                await ReplyWithOrder(context, number, order => order.Status switch
                {
                    OrderStatus.Shipped or OrderStatus.Delivered => Refuse(409, "already_shipped", "It has shipped."),
                    OrderStatus.Cancelled => Refuse(409, "already_cancelled", "It is already cancelled."),
                    _ => (200, Orders[number] = order with { Status = OrderStatus.Cancelled }),
                });
                return;
            case ["orders", var number, "shipping-address"] when method == "PUT":
                var address = JsonSerializer.Deserialize<Address>(body, Json)!;
                await ReplyWithOrder(context, number, order => order.Status is OrderStatus.Placed or OrderStatus.Processing
                    ? (200, Orders[number] = order with { ShippingAddress = address })
                    : Refuse(409, "already_shipped", "It has shipped."));
                return;
            case ["orders", var number, "returns"] when method == "POST":
                var request = JsonSerializer.Deserialize<ReturnBody>(body, Json)!;
                await ReplyWithOrder(context, number, order =>
                {
                    if (order.Status != OrderStatus.Delivered)
                    {
                        return Refuse(422, "not_delivered", "It has not been delivered.");
                    }

                    var rma = $"RMA-{Interlocked.Increment(ref _rmas)}";
                    var created = new ReturnRequest(rma, request.Lines, request.Reason, ReturnStatus.LabelSent, order.PlacedAt.AddDays(30),
                        $"https://shop.example.com/labels/{rma}", null);
                    Orders[number] = order with { Returns = [.. order.Returns, created] };
                    return (201, created);
                });
                return;
            case ["orders", var number, "exchanges"] when method == "POST" && ExchangesSupported:
                var exchange = JsonSerializer.Deserialize<ExchangeBody>(body, Json)!;
                await ReplyWithOrder(context, number, order => order.Status != OrderStatus.Delivered
                    ? Refuse(422, "not_delivered", "It has not been delivered.")
                    : (201, new ExchangeRequest($"EXC-{Interlocked.Increment(ref _rmas)}", exchange.Line, order.PlacedAt.AddDays(30), "https://shop.example.com/labels/exc")));
                return;
            default:
                context.Response.StatusCode = 405;
                return;
        }
    }

    private static (int, object) Refuse(int status, string code, string message) => (status, new { error = new { code, message } });

    private async Task ReplyWithOrder(HttpContext context, string number, Func<Order, (int Status, object Body)> act)
    {
        if (!Orders.TryGetValue(number, out var order))
        {
            await Reply(context, 404, new { error = new { code = "not_found", message = "No such order." } });
            return;
        }

        var (status, reply) = act(order);
        await Reply(context, status, reply);
    }

    private static async Task Reply(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, body.GetType(), Json));
    }
}
