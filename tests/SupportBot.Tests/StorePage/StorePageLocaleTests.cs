using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.StorePage;

/// <summary>
/// The store page per locale in the real host: French or Spanish from <c>?locale=</c> or from the browser's
/// Accept-Language, the default for a language it has no words for, a switcher that keeps the page's other query
/// parameters, the chat's words as JSON, an editor's change live, and a Direct Line start whose locale words the welcome.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class StorePageLocaleTests(FrenchWelcomeServer fixture) : IClassFixture<FrenchWelcomeServer>
{
    private RunningServer Server => fixture.Server;

    [Theory]
    [InlineData("/?locale=fr-FR", null, "fr-FR", "Comment pouvons-nous vous aider ?", "Aide · Larkspur &amp; Pine")]
    [InlineData("/index.html?locale=fr", null, "fr-FR", "Comment pouvons-nous vous aider ?", "Aide · Larkspur &amp; Pine")]
    [InlineData("/", "fr-FR,fr;q=0.9", "fr-FR", "Comment pouvons-nous vous aider ?", "Aide · Larkspur &amp; Pine")]
    [InlineData("/", "fr-CA", "fr-FR", "Comment pouvons-nous vous aider ?", "Aide · Larkspur &amp; Pine")]
    [InlineData("/?locale=es-ES", null, "es-ES", "¿En qué te podemos ayudar?", "Ayuda · Larkspur &amp; Pine")]
    [InlineData("/", "es-ES,es;q=0.9,en;q=0.8", "es-ES", "¿En qué te podemos ayudar?", "Ayuda · Larkspur &amp; Pine")]
    [InlineData("/?locale=en-US", "fr-FR", "en-US", "How can we help?", "Help · Larkspur &amp; Pine")]
    [InlineData("/?locale=de-DE", null, "en-US", "How can we help?", "Help · Larkspur &amp; Pine")]
    [InlineData("/", "de-DE,de;q=0.9", "en-US", "How can we help?", "Help · Larkspur &amp; Pine")]
    [InlineData("/", null, "en-US", "How can we help?", "Help · Larkspur &amp; Pine")]
    public async Task Page_SpeaksTheChosenLocale(string path, string? acceptLanguage, string locale, string heading, string title)
    {
        var server = Server;

        using var response = await GetAsync(server, path, acceptLanguage);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{locale}\">", html, StringComparison.Ordinal);
        Assert.Equal([locale], response.Content.Headers.ContentLanguage);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{title}</title>", html, StringComparison.Ordinal);
        Assert.Contains($"hreflang=\"{locale}\" lang=\"{locale}\" aria-current=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switcher_NamesEachLanguageInItself_AndKeepsThePagesOtherParameters()
    {
        var server = Server;

        var html = await server.Client.GetStringAsync(new Uri("/?transport=polling&locale=fr-FR&x=a%26b", UriKind.Relative));

        Assert.Contains("<nav class=\"languages\" aria-label=\"Langue\">"
            + "<a href=\"?transport=polling&amp;x=a%26b&amp;locale=en-US\" hreflang=\"en-US\" lang=\"en-US\">English</a>"
            + "<a href=\"?transport=polling&amp;x=a%26b&amp;locale=es-ES\" hreflang=\"es-ES\" lang=\"es-ES\">Español</a>"
            + "<a href=\"?transport=polling&amp;x=a%26b&amp;locale=fr-FR\" hreflang=\"fr-FR\" lang=\"fr-FR\" aria-current=\"true\">Français</a></nav>",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switcher_KeepsAParameterAsText_NeverAsMarkup()
    {
        var html = await Server.Client.GetStringAsync(new Uri("/?locale=es&q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", UriKind.Relative));

        Assert.Contains("<a href=\"?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&amp;locale=en-US\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/chat/strings?locale=fr-FR", null, "fr-FR", "Pip · assistant virtuel", "{agent} · service client")]
    [InlineData("/chat/strings", "es-ES,es;q=0.9", "es-ES", "Pip · asistente virtual", "{agent} · atención al cliente")]
    [InlineData("/chat/strings?locale=xx", null, "en-US", "Pip · virtual assistant", "{agent} · support team")]
    public async Task Strings_AreThePagesWordsAsJson_WithTheNamesFilledIn(string path, string? acceptLanguage, string locale, string botLabel, string agentLabel)
    {
        var server = Server;

        using var response = await GetAsync(server, path, acceptLanguage);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal(locale, body.GetProperty("locale").GetString());
        var strings = body.GetProperty("strings");
        Assert.Equal(botLabel, strings.GetProperty("speaker.bot").GetString());
        Assert.Equal(agentLabel, strings.GetProperty("speaker.agent").GetString());
        Assert.Equal(SupportBot.Knowledge.Responses.PageTexts.Schema.Keys.Count, strings.EnumerateObject().Count());
    }

    [Fact]
    public async Task AnEditorsChangeToTheFrenchPage_ShowsOnTheNextLoad()
    {
        using var knowledge = TempFolder.CopyOfKnowledge();
        await using var server = await RunningServer.StartAsync("--Knowledge:Path", knowledge.Path);
        var french = File.ReadAllText(Path.Combine(knowledge.Path, "responses", "page.fr.yml"));

        knowledge.Write("responses/page.fr.yml", french.Replace("heading: \"Comment pouvons-nous vous aider ?\"", "heading: \"Que cherchez-vous ?\"", StringComparison.Ordinal));
        var html = await Eventually.ReadAsync(() => server.Client.GetStringAsync(new Uri("/?locale=fr-FR", UriKind.Relative)), h => h.Contains("<h1>Que cherchez-vous ?</h1>", StringComparison.Ordinal));

        Assert.Contains("<h1>Que cherchez-vous ?</h1>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR", FrenchWelcomeServer.FrenchWelcome)]
    [InlineData("fr-CA", FrenchWelcomeServer.FrenchWelcome)]
    [InlineData("en-US", "Hi! I'm Pip, the virtual assistant of Larkspur & Pine.")]
    [InlineData("not a locale", "Hi! I'm Pip, the virtual assistant of Larkspur & Pine.")]
    public async Task DirectLineStart_WithALocale_WelcomesInIt(string locale, string welcomeStart)
    {
        var client = new DirectLineClient(Server.Client, FrenchWelcomeServer.Secret);

        // As a browser sends it: a JSON body that declares its length (a chunked start body is not read).
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { user = new { id = "u1" }, locale }), System.Text.Encoding.UTF8, "application/json"),
        };
        start.Headers.Authorization = new("Bearer", FrenchWelcomeServer.Secret);
        using var started = await Server.Client.SendAsync(start);
        started.EnsureSuccessStatusCode();
        client.ConversationId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString();
        var (activities, _) = await client.PollAsync();

        var welcome = Assert.Single(activities, a => a.GetProperty("type").GetString() == "message");
        Assert.StartsWith(welcomeStart, welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
        var sent = welcome.TryGetProperty("locale", out var tag) ? tag.GetString() : null;
        Assert.Equal(locale == "not a locale" ? null : locale, sent);
    }

    private static async Task<HttpResponseMessage> GetAsync(RunningServer server, string path, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return await server.Client.SendAsync(request);
    }
}
