using System.Collections.Concurrent;
using System.Text.Json;
using SupportBot.Evaluation.Conversations;
using SupportBot.Host.Cli;
using SupportBot.Schema;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Evaluation;

/// <summary>
/// Conversations in a shopper's language: the <c>locale=</c> header, the <c>[Language=…]</c> check against the
/// language the engine records, the locale sent on every activity, <c>--locale</c> and the per-locale figures.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class LocaleScriptTests
{
    private const string French = """
        name=Statut de commande
        locale=fr-fr
        bot: {any}
        user: où est ma commande LP10000002 ? [Language=fr]
        bot: {any}
        [Flow=order_status] [Language=FR]
        user: ok
        """;

    [Fact]
    public void TheLocaleHeader_IsKeptNormalized_AndTheLanguageTagBelongsToItsTurn()
    {
        var (conversation, problems) = ChatFileParser.Parse(French, "eval/conversations/fr/orders/status.chat");

        Assert.Empty(problems.Select(p => p.ToString()));
        Assert.Equal(("Statut de commande", "fr-FR"), (conversation!.Name, conversation.Locale));
        Assert.Equal([null, "fr", null], conversation.Turns.Select(t => t.Language));
    }

    [Fact]
    public void AFileWithoutLocale_HasNone()
    {
        var (conversation, _) = ChatFileParser.Parse("user: hello\n[Action=small_talk]\n", "eval/conversations/smalltalk/hello.chat");

        Assert.Null(conversation!.Locale);
        Assert.Null(conversation.Turns[0].Language);
    }

    [Theory]
    [InlineData("locale=French\nuser: bonjour\n", "eval/bad.chat:1: locale 'French' is not a locale such as fr-FR, es-ES or en-US")]
    [InlineData("user: bonjour\n[Language=fr-FR]\n", "eval/bad.chat:2: Language=fr-FR: write a two-letter language code such as fr, es or en")]
    [InlineData("user: bonjour [Language=français]\n", "eval/bad.chat:1: Language=français: write a two-letter language code such as fr, es or en")]
    public void ABadLocaleOrLanguage_IsAProblemWithItsLine(string text, string problem)
    {
        var (conversation, problems) = ChatFileParser.Parse(text, "eval/bad.chat");

        Assert.Null(conversation);
        Assert.Equal(problem, Assert.Single(problems).ToString());
    }

    [Fact]
    public void TheLanguageCheck_SaysSo_WhenTheEngineRecordsNoLanguage()
    {
        var turn = new ScriptedTurn(3, "bonjour") { Language = "fr" };

        var failure = Assert.Single(TurnChecker.Check(turn, new TurnObservation(), TextTolerance.Normalized));

        Assert.Equal(new AssertionFailure("language", "fr", "the engine does not report the turn's language"), failure);
    }

    [Theory]
    [InlineData("fr", true)]
    [InlineData("fr-FR", true)]
    [InlineData("FR", true)]
    [InlineData("en", false)]
    public void TheLanguageCheck_ComparesTheRecordedLanguage(string recorded, bool holds)
    {
        var turn = new ScriptedTurn(3, "bonjour") { Language = "fr" };

        var failures = TurnChecker.Check(turn, new TurnObservation { Language = recorded }, TextTolerance.Normalized);

        Assert.Equal(holds, failures.Count == 0);
    }

    [Fact]
    public void TheObservedLanguage_IsTheDecisionTracesLanguageMember_WhenItHasOne()
    {
        static Activity Trace(string json) => new()
        {
            Type = ActivityTypes.Trace,
            Name = "SupportBot.Decision",
            Value = JsonDocument.Parse(json).RootElement.Clone(),
        };

        var recorded = ObservedTurn.From([Trace("""{"action":"answer","language":"es"}""")], 1);
        var silent = ObservedTurn.From([Trace("""{"action":"answer"}""")], 1);
        var nulled = ObservedTurn.From([Trace("""{"action":"answer","language":null}""")], 1);

        Assert.Equal(("es", "answer"), (recorded.Language, recorded.Action));
        Assert.Null(silent.Language);
        Assert.Null(nulled.Language);
    }

    [Fact]
    public async Task EachConversation_IsStartedInItsLocale_AndTheRunIsMeasuredPerLocale()
    {
        var driver = new RecordingDriver();
        ScriptedConversation[] scripts =
        [
            new("en", "en.chat", [new ScriptedTurn(1, "hello") { Language = "en" }]),
            new("fr", "fr.chat", [new ScriptedTurn(1, "bonjour") { Language = "fr" }]) { Locale = "fr-FR" },
            new("es", "es.chat", [new ScriptedTurn(1, "hola") { Language = "es" }]) { Locale = "es-ES" },
        ];

        var run = await new ConversationEvaluator(driver, new EvaluationSettings(Parallel: 1), TimeProvider.System).RunAsync(scripts, []);

        Assert.Equal([null, "fr-FR", "es-ES"], driver.Locales);
        Assert.Equal(["en-US", "fr-FR", "es-ES"], run.Conversations.Select(c => c.Locale));
        // The driver answers every turn in English: the English conversation passes, the others fail on their own line.
        Assert.Equal(["en-US", "es-ES", "fr-FR"], run.Locales.Select(l => l.Locale));
        Assert.Equal([1, 0, 0], run.Locales.Select(l => l.Passed));
        Assert.Equal([1.0, 0.0, 0.0], run.Locales.Select(l => l.Metrics.ConversationPassRate));
        Assert.Equal(3, run.Metrics.Conversations);
    }

    [Theory]
    [InlineData("fr", new[] { "fr" })]
    [InlineData("fr-FR", new[] { "fr" })]
    [InlineData("es,fr", new[] { "fr", "es" })]
    [InlineData("en", new[] { "en" })]
    [InlineData("EN-us", new[] { "en" })]
    public void TheLocaleOption_KeepsTheConversationsOfThoseLocales_AndTheDefaultOneHoldsFilesWithoutAHeader(string option, string[] kept)
    {
        ScriptedConversation[] scripts =
        [
            new("en", "en.chat", [new ScriptedTurn(1, "hello")]),
            new("fr", "fr.chat", [new ScriptedTurn(1, "bonjour")]) { Locale = "fr-FR" },
            new("es", "es.chat", [new ScriptedTurn(1, "hola")]) { Locale = "es-ES" },
        ];

        var selected = ConversationLocales.Select(scripts, ConversationLocales.Parse([option]), "en-US");

        Assert.Equal(kept, selected.Select(s => s.Name));
    }

    [Fact]
    public void TheLocaleOption_RefusesWhatIsNotALocale_AndALocaleWithoutConversations()
    {
        ScriptedConversation[] scripts = [new("en", "en.chat", [new ScriptedTurn(1, "hello")])];

        Assert.Contains("'français' is not a language or locale", Assert.Throws<UsageException>(() => ConversationLocales.Parse(["français"])).Message, StringComparison.Ordinal);
        Assert.Contains("none of the conversations is in that locale",
            Assert.Throws<UsageException>(() => ConversationLocales.Select(scripts, ["de"], "en-US")).Message, StringComparison.Ordinal);
        Assert.Same(scripts, ConversationLocales.Select(scripts, [], "en-US"));
    }

    /// <summary>Records the locale each conversation was started in and answers every turn as English small talk.</summary>
    private sealed class RecordingDriver : IConversationDriver
    {
        private readonly ConcurrentQueue<string?> _locales = new();

        public IReadOnlyList<string?> Locales => [.. _locales];

        public string Target => "scripted";

        public Task<(IConversationSession Session, TurnObservation Welcome)> StartAsync(string? locale, CancellationToken cancellationToken)
        {
            _locales.Enqueue(locale);
            return Task.FromResult<(IConversationSession, TurnObservation)>((new Session(), new TurnObservation()));
        }

        private sealed class Session : IConversationSession
        {
            public Task<TurnObservation> SayAsync(string text, CancellationToken cancellationToken) =>
                Task.FromResult(new TurnObservation { Action = "small_talk", Language = "en", Texts = ["…"] });

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
