using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Embeddings;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Embeddings;

/// <summary>
/// The <c>OpenAI</c> provider, wired as the host wires it (named client, resilience), against an OpenAI-compatible
/// <c>/v1/embeddings</c> server on 127.0.0.1 that records each request and answers from a script.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class OpenAIEmbeddingTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EmbedAsync_Texts_OneRequestWithModelKeyAndInputs_UnitVectors_ThenCached()
    {
        await using var server = await RecordingServer.StartAsync(Answer);
        using var host = Host(server, "--Embeddings:OpenAI:ApiKey", "sk-test", "--Embeddings:OpenAI:Dimensions", "3");
        var embeddings = host.Services.GetRequiredService<TextEmbeddings>();

        var vectors = await embeddings.EmbedAsync(["where is my parcel", "how do I return a jumper"]);
        await embeddings.EmbedAsync(["how do I return a jumper"]);

        var (method, path, authorization, body) = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/embeddings", "Bearer sk-test"), (method, path, authorization));
        Assert.Equal("""{"model":"text-embedding-3-small","input":["where is my parcel","how do I return a jumper"],"dimensions":3,"encoding_format":"float"}""", body);
        var request = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("text-embedding-3-small", (string?)request["model"]);
        Assert.Equal(3, (int?)request["dimensions"]);
        Assert.Equal(["where is my parcel", "how do I return a jumper"], request["input"]!.AsArray().Select(n => (string)n!));
        Assert.All(vectors, v => Assert.InRange(Vectors.Cosine(v, v), 0.999f, 1.001f));
        Assert.Same(embeddings.Generator, host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public async Task EmbedAsync_ServerFailsOnce_RetriedWithinTheBudget()
    {
        var calls = 0;
        await using var server = await RecordingServer.StartAsync(async (context, body) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }

            await Answer(context, body);
        });
        using var host = Host(server);

        var vectors = await host.Services.GetRequiredService<TextEmbeddings>().EmbedAsync(["where is my parcel"]);

        Assert.Equal(2, server.Requests.Count);
        Assert.Single(vectors);
    }

    [Fact]
    public async Task EmbedMessageAsync_ServerDown_NullAndTheTurnGoesOnLexical()
    {
        await using var server = await RecordingServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        using var host = Host(server);

        Assert.Null(await host.Services.GetRequiredService<TextEmbeddings>().EmbedMessageAsync("where is my parcel"));
    }

    [Fact]
    public async Task EmbedAsync_TooFewVectorsBack_ProviderErrorWithTheBody()
    {
        await using var server = await RecordingServer.StartAsync((context, _) =>
            context.Response.WriteAsync("""{"data":[{"index":0,"embedding":[1,0,0]}],"model":"m"}"""));
        using var host = Host(server);

        var error = await Assert.ThrowsAsync<EmbeddingProviderException>(() =>
            host.Services.GetRequiredService<TextEmbeddings>().EmbedAsync(["one", "two"]));

        Assert.Contains("one vector of one size for each of the 2 texts", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"index\":0", (string)error.Data["body"]!, StringComparison.Ordinal);
    }

    private IHost Host(RecordingServer server, params string[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _folder.Path,
            Args =
            [
                "--Embeddings:Provider", "OpenAI", "--Embeddings:OpenAI:Endpoint", new Uri(server.Address, "/v1").ToString(),
                "--Embeddings:OpenAI:Model", "text-embedding-3-small", "--Embeddings:OpenAI:RetryDelayMilliseconds", "0",
                "--Embeddings:CachePath", Path.Combine(_folder.Path, "cache"), .. settings,
            ],
        });
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        builder.Services.AddEmbeddings();
        return builder.Build();
    }

    /// <summary>Vectors of length 3 that are not unit length, in reverse order of <c>index</c> (the client must sort them).</summary>
    private static Task Answer(HttpContext context, string body)
    {
        var inputs = JsonNode.Parse(body)!["input"]!.AsArray().Select(n => (string)n!).ToList();
        var data = inputs.Select((text, i) => new { index = i, embedding = new[] { text.Length, 2f, 3f } }).Reverse();
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { @object = "list", data, model = "text-embedding-3-small" }));
    }
}
