using Microsoft.Extensions.DependencyInjection;
using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Drafting;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Knowledge.Sentences;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Drafting;

/// <summary>The embedded drafter: grounded in its passage, cut to the question, Markdown kept, the shopper by name, the source last.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class LocalDrafterTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private LiveKnowledge Knowledge => fixture.Services.GetRequiredService<LiveKnowledge>();

    private Task<Draft> DraftAsync(string question, string? shopper = null) => fixture.Services.GetRequiredService<ReplyDrafter>().DraftAsync(
        new DraftRequest(question, Knowledge.Current.Index.Search(question, 3).Hits, ShopperProfile.FromDisplayName(shopper)));

    private FaqEntry Entry(string id) => Knowledge.Current.Knowledge.Entries.Single(e => e.Id == id);

    [Fact]
    public async Task EveryStarterAnswer_SaysOnlyWhatItsSourceSays_AndEndsWithTheSource()
    {
        var checkedDrafts = 0;
        foreach (var entry in Knowledge.Current.Knowledge.Entries)
        {
            foreach (var question in entry.Questions.Select(q => q.Text).Prepend(entry.Title))
            {
                var draft = await DraftAsync(question);
                var source = Entry(Assert.Single(draft.Sources));
                var footer = $"\n\nFrom our help centre: *{source.Title}*";
                Assert.EndsWith(footer, draft.Markdown, StringComparison.Ordinal);
                var body = draft.Markdown[..^footer.Length];
                // Whole sentences of the answer (or of its summary), as the editor wrote them.
                var written = source.AnswerMarkdown + "\n" + source.Summary;
                Assert.All(Sentence.SplitText(body), sentence => Assert.Contains(sentence.Markdown, written, StringComparison.Ordinal));
                Assert.Equal(ReplyDrafter.LocalDrafter, draft.Drafter);
                checkedDrafts++;
            }
        }

        Assert.True(checkedDrafts > 800, $"only {checkedDrafts} drafts checked");
    }

    [Fact]
    public async Task SpecificQuestion_GetsThePartOfTheAnswerThatAddressesIt()
    {
        var draft = await DraftAsync("What happens if my parcel is lost in transit?");

        Assert.Equal(["late-package"], draft.Sources);
        Assert.True(draft.IsExcerpt);
        // The editor's summary first (it keeps the answer's limits and its "not"), then what it does not already say.
        Assert.StartsWith(Entry("late-package").Summary!, draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("a lost parcel gets a free replacement (if it's in stock) or a full refund", draft.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Carriers occasionally run behind", draft.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Paid for Express", draft.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneralQuestion_GetsTheWholeAnswer_WithItsMarkdown()
    {
        var draft = await DraftAsync("How do I cancel my order?");

        Assert.False(draft.IsExcerpt);
        Assert.StartsWith(Entry("cancel-order").AnswerMarkdown, draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("\n- **Account holders:**", draft.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ana Lima", "Hi Ana!\n\n")]
    [InlineData("josé", "Hi José!\n\n")]
    [InlineData("User", "")]
    [InlineData("4f9a1c2e-77", "")]
    [InlineData(null, "")]
    public async Task Shopper_IsGreetedByFirstNameWhenTheChannelKnowsIt(string? displayName, string greeting)
    {
        var draft = await DraftAsync("How do I cancel my order?", displayName);

        Assert.Equal(greeting + Entry("cancel-order").AnswerMarkdown, draft.Markdown[..(greeting.Length + Entry("cancel-order").AnswerMarkdown.Length)]);
    }

    [Fact]
    public async Task EntryWithALink_EndsWithALinkToIt()
    {
        var entry = Entry("gift-cards") with { Link = "https://help.example.com/gift-cards" };

        var draft = await fixture.Services.GetRequiredService<ReplyDrafter>().DraftAsync(
            new DraftRequest("Do you sell gift cards?", [new KnowledgeHit(entry, 1, 0.9, [])], ShopperProfile.Anonymous));

        Assert.EndsWith($"\n\nFrom our help centre: [{entry.Title}](https://help.example.com/gift-cards)", draft.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPassage_SaysSoInsteadOfInventing()
    {
        var draft = await fixture.Services.GetRequiredService<ReplyDrafter>().DraftAsync(new DraftRequest("What is the meaning of life?", [], ShopperProfile.Anonymous));

        Assert.Equal("I'm sorry, I couldn't find that in our help centre.", draft.Markdown);
        Assert.Empty(draft.Sources);
    }

    [Fact]
    public async Task Engine_RecordsWhoDraftedTheAnswerAndFromWhat()
    {
        var replies = await fixture.Engine.HandleAsync(ModelDraftingTests.Ask("What happens if my parcel is lost in transit?", conversation: "local-trace"));

        var (text, decision) = ModelDraftingTests.Outcome(replies);
        Assert.Equal((TurnDecision.Answer, ReplyDrafter.LocalDrafter), (decision.Action, decision.Drafter));
        Assert.Equal(["late-package"], decision.Cited);
        Assert.Null(decision.DraftFallback);
        Assert.StartsWith("Hi Ana!\n\n", text, StringComparison.Ordinal);
        Assert.Contains("If your package is", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditorsPrompt_ChangesThePersonaLabelAndSignOff()
    {
        using var knowledge = TempFolder.CopyOfKnowledge();
        var prompt = File.ReadAllText(Path.Combine(knowledge.Path, "prompts", "reply.yaml"))
            .Replace("default: Pip", "default: Juniper", StringComparison.Ordinal)
            .Replace("default: From our help centre", "default: Source", StringComparison.Ordinal)
            .Replace("default: \"\"", "default: \"Happy shopping!\"", StringComparison.Ordinal);
        knowledge.Write("prompts/reply.yaml", prompt);
        await using var host = await EngineHost.StartAsync("--Knowledge:Path", knowledge.Path);

        var welcome = await host.Engine.HandleAsync(Activities.Joined("persona", Activities.Shopper("u", "Sam")));
        var (answer, _) = ModelDraftingTests.Outcome(await host.Engine.HandleAsync(ModelDraftingTests.Ask("How do I cancel my order?", conversation: "persona")));

        Assert.StartsWith("Hi! I'm Juniper, the virtual assistant", welcome[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\nSource: *How do I cancel my order?*\n\nHappy shopping!", answer, StringComparison.Ordinal);
    }
}
