using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SupportBot.Tests.Support;

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 for the model we cannot run here: it records every
/// request and answers from a script, one step per request (the last step repeats).
/// </summary>
internal sealed class FakeChatModel : IAsyncDisposable
{
    private readonly ConcurrentQueue<Step> _script = new();
    private RecordingServer _server = null!;
    private Step _last = Step.Text("[source:none]");

    public Uri Endpoint => new(_server.Address, "/v1");

    /// <summary>The request bodies, parsed, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Requests => _server.Requests.Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();

    public IReadOnlyList<string> Authorizations => _server.Requests.Select(r => r.Authorization).ToList();

    public static async Task<FakeChatModel> StartAsync(params Step[] script)
    {
        var model = new FakeChatModel();
        model.Then(script);
        model._server = await RecordingServer.StartAsync(model.RespondAsync);
        return model;
    }

    public FakeChatModel Then(params Step[] steps)
    {
        foreach (var step in steps)
        {
            _script.Enqueue(step);
        }

        return this;
    }

    /// <summary>The settings that point the bot at this server.</summary>
    public string[] Settings(params string[] more) =>
        ["--Drafting:Provider", "OpenAI", "--Drafting:OpenAI:Endpoint", Endpoint.ToString(), "--Drafting:OpenAI:Model", "fake-model", .. more];

    private async Task RespondAsync(HttpContext context, string body)
    {
        var step = _script.TryDequeue(out var next) ? _last = next : _last;
        if (step.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(step.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = step.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(step.Status == 200 ? Completion(step).ToJsonString() : """{"error":{"message":"scripted failure","type":"server_error"}}""");
    }

    private static JsonObject Completion(Step step)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = step.Content };
        if (step.ToolName is not null)
        {
            message["tool_calls"] = new JsonArray(new JsonObject
            {
                ["id"] = "call_" + Guid.NewGuid().ToString("N")[..8],
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = step.ToolName, ["arguments"] = step.ToolArguments },
            });
        }

        return new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "fake-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["finish_reason"] = step.ToolName is null ? "stop" : "tool_calls",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        };
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>One scripted answer.</summary>
    internal sealed record Step(int Status, string? Content, string? ToolName, string? ToolArguments, TimeSpan Delay)
    {
        public static Step Text(string content) => new(200, content, null, null, TimeSpan.Zero);

        public static Step Call(string function, object arguments) => new(200, null, function, JsonSerializer.Serialize(arguments), TimeSpan.Zero);

        public static Step Fail(int status = 500) => new(status, null, null, null, TimeSpan.Zero);

        public static Step Slow(TimeSpan delay, string content) => new(200, content, null, null, delay);
    }
}
