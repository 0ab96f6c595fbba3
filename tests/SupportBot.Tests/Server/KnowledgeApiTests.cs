using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Server;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KnowledgeApiTests
{
    [Fact]
    public async Task Health_And_Ready_AnswerOnceKnowledgeIsLoaded()
    {
        await using var server = await RunningServer.StartAsync();

        Assert.Equal("ok", await server.Client.GetStringAsync("/healthz"));
        var ready = await server.Client.GetFromJsonAsync<JsonElement>("/readyz");
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.True(ready.GetProperty("knowledge").GetProperty("entries").GetInt32() >= 60);
    }

    [Fact]
    public async Task Search_ReturnsRankedAnswersWithWhyTheyMatched()
    {
        await using var server = await RunningServer.StartAsync();

        var result = await server.Client.GetFromJsonAsync<JsonElement>("/api/knowledge/search?q=how%20long%20do%20I%20have%20to%20return%20something&top=2");

        var hits = result.GetProperty("hits");
        Assert.Equal(2, hits.GetArrayLength());
        Assert.Equal("return-window", hits[0].GetProperty("id").GetString());
        Assert.True(result.GetProperty("confident").GetBoolean());
        Assert.Contains(hits[0].GetProperty("matches").EnumerateArray(), m => m.GetProperty("word").GetString() == "return" && m.GetProperty("kind").GetString() == "exact");
        Assert.Contains("30 days", hits[0].GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/knowledge/search", "A question is required")]
    [InlineData("/api/knowledge/search?q=%20", "A question is required")]
    [InlineData("/api/knowledge/search?q=refund&top=0", "top is out of range")]
    [InlineData("/api/knowledge/search?q=refund&top=500", "top is out of range")]
    [InlineData("/api/knowledge/search?q=refund&locale=klingon", "Unknown locale")]
    [InlineData("/api/knowledge/search?q=refund&locale=de-DE", "Unknown locale")]
    public async Task Search_BadInput_IsAProblemDetails400(string url, string title)
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Search_TopNotANumber_IsA400NotA500()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Client.GetAsync("/api/knowledge/search?q=refund&top=lots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownPath_Is404()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Client.GetAsync("/no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
