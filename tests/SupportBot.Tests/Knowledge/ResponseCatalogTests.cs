using SupportBot.Conversation;
using SupportBot.Handoff;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Responses;
using SupportBot.Orders;
using SupportBot.Replies;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

/// <summary>The editors' response catalogues: checked against their schema at the line, translated per locale, built in as a fallback.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class ResponseCatalogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-responses-" + Guid.NewGuid().ToString("N"));

    public ResponseCatalogTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "responses"));
        File.Copy(Path.Combine(RepoPaths.Knowledge, "policies.yml"), Path.Combine(_folder, "policies.yml"));
        File.Copy(Path.Combine(RepoPaths.Knowledge, "responses", "orders.yml"), Path.Combine(_folder, "responses", "orders.yml"));
        File.Copy(Path.Combine(RepoPaths.Knowledge, "responses", "conversation.yml"), Path.Combine(_folder, "responses", "conversation.yml"));
        File.Copy(Path.Combine(RepoPaths.Knowledge, "responses", "handoff.yml"), Path.Combine(_folder, "responses", "handoff.yml"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheShippedCatalogue_HasEveryKey_AndNoProblem()
    {
        var knowledge = Load();

        Assert.DoesNotContain(knowledge.Diagnostics, d => d.Path.StartsWith("responses", StringComparison.Ordinal));
        Assert.All(OrderTexts.Schema.Keys.Keys, key => Assert.NotNull(knowledge.Responses.Find(OrderTexts.Catalogue, key)));
        Assert.All(ConversationTexts.Schema.Keys.Keys.Except(ConversationTexts.Schema.Optional), key => Assert.NotNull(knowledge.Responses.Find(ConversationTexts.Catalogue, key)));
        Assert.All(HandoffTexts.Schema.Keys.Keys, key => Assert.NotNull(knowledge.Responses.Find(HandoffTexts.Catalogue, key)));
    }

    [Fact]
    public void TheHandoffSentences_ComeFromTheCatalogue_WithTheQueuePlaceAndWaitInTheirForms()
    {
        var path = Path.Combine(_folder, "responses", "handoff.yml");
        File.WriteAllText(path, File.ReadAllText(path).Replace(
            "agent_joined: \"You're now chatting with {agent} from the support team.\"",
            "agent_joined: \"{agent} from our team is here now.\"", StringComparison.Ordinal));
        var words = HandoffWords.Of(Load());

        Assert.Equal("Tess from our team is here now.", words.AgentJoined("Tess"));
        Assert.StartsWith("I'm connecting you with a member of our support team. You're next in the queue; the wait is about 1 minute,", words.Connecting(1, TimeSpan.FromSeconds(60)), StringComparison.Ordinal);
        Assert.Contains("You're number 3 in the queue; the wait is about 4 minutes,", words.Connecting(3, TimeSpan.FromMinutes(3.5)), StringComparison.Ordinal);
        Assert.Contains("I can't estimate the wait yet", words.Connecting(2, null), StringComparison.Ordinal);
        Assert.Equal("Thanks, I've added that for our team. You're number 2 in the queue.", words.StillQueued(2));
    }

    [Fact]
    public void AFlowButtonReworded_StillStartsItsFlow_AndTheTopicsFollowTheCatalogue()
    {
        var path = Path.Combine(_folder, "responses", "conversation.yml");
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace("check_order: \"Check my order\"", "check_order: \"Track my parcel\"", StringComparison.Ordinal)
            .Replace("title: \"Shipping options\"", "title: \"Delivery\"", StringComparison.Ordinal));
        var knowledge = Load();
        var buttons = new FlowButtons(knowledge.Responses);

        Assert.False(knowledge.HasErrors);
        Assert.Equal("Track my parcel", buttons.LabelOf(OrderFlow.Status));
        Assert.Equal(OrderFlow.Status, buttons.Pressed("track my parcel!"));
        Assert.Null(buttons.Pressed("Check my order"));
        Assert.Equal(FlowButtons.Handoff, buttons.Pressed("Talk to a person"));
        Assert.Equal(OrderFlow.Return, buttons.Pressed("Start a return"));
        var topics = ReplyWriter.Of(knowledge).Topics();
        Assert.Contains(topics, t => t.Title == "Delivery" && t.Value == "What shipping options do you offer?");
    }

    [Fact]
    public void TheBotsOwnSentences_APlaceholderTheKeyDoesNotTake_IsAnError()
    {
        var path = Path.Combine(_folder, "responses", "conversation.yml");
        File.WriteAllText(path, File.ReadAllText(path).Replace(
            "did_you_mean: \"I want to be sure I answer the right question. Did you mean one of these?\"",
            "did_you_mean: \"Which of these did you mean, {store}?\"", StringComparison.Ordinal));

        var knowledge = Load();

        Assert.Contains(knowledge.Diagnostics, d => d.Path.EndsWith("conversation.yml", StringComparison.Ordinal) && d.Message.Contains("store", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void UnknownKey_UnknownPlaceholder_AndMissingKey_AreReportedAtTheirLines()
    {
        var path = Path.Combine(_folder, "responses", "orders.yml");
        var lines = File.ReadAllLines(path).ToList();
        var askNumber = lines.FindIndex(l => l.TrimStart().StartsWith("ask_number:", StringComparison.Ordinal));
        lines[askNumber] = "  ask_numbr: \"What's your order number, {name}?\"";
        var askProof = lines.FindIndex(l => l.TrimStart().StartsWith("ask_proof:", StringComparison.Ordinal));
        lines[askProof] = "  ask_proof: \"Which email is on {order_numbr}?\"";
        File.WriteAllLines(path, lines);

        var problems = Load().Diagnostics.Select(d => d.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith($"responses/orders.yml:{askNumber + 1}: unknown key 'verify.ask_numbr' (known in 'verify': ", StringComparison.Ordinal));
        Assert.Contains($"responses/orders.yml:{askProof + 1}: 'verify.ask_proof' uses unknown placeholder {{order_numbr}} (it takes none)", problems);
        Assert.Contains("responses/orders.yml:1: missing key 'verify.ask_number': the bot needs this sentence", problems);
    }

    [Fact]
    public void APlaceholderLeftOut_IsAWarning()
    {
        var path = Path.Combine(_folder, "responses", "orders.yml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Cancel order **{order}** ({items}, {total})?", "Cancel order **{order}**?", StringComparison.Ordinal));

        var knowledge = Load();

        Assert.False(knowledge.HasErrors);
        Assert.Contains(knowledge.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message == "'cancel.confirm' does not use {items}: the shopper won't see it");
    }

    [Fact]
    public void ATranslation_IsUsedForItsLocale_AndTheDefaultFillsItsGaps()
    {
        File.WriteAllText(Path.Combine(_folder, "responses", "orders.fr.yml"), "verify:\n  ask_number: \"Quel est votre numéro de commande ?\"\n");

        var knowledge = Load();
        var french = new OrderWords(knowledge.Responses, OrderPolicies.From(knowledge.Policies), ReplyLanguage.Of("fr-CA"));

        Assert.False(knowledge.HasErrors);
        Assert.Equal("Quel est votre numéro de commande ?", french.Say("verify.ask_number"));
        Assert.StartsWith("To keep your order details private", french.Say("verify.ask_proof"), StringComparison.Ordinal);
        Assert.Contains(knowledge.Diagnostics, d => d.Path == "responses/orders.yml" && d.Severity == DiagnosticSeverity.Warning
            && d.Message == "'verify.ask_proof' is not translated in responses/orders.fr.yml: the shopper gets this sentence there");
    }

    [Fact]
    public void NoCatalogue_SpeaksWithTheBuiltInWords()
    {
        File.Delete(Path.Combine(_folder, "responses", "orders.yml"));

        var knowledge = Load();

        Assert.False(knowledge.HasErrors);
        Assert.StartsWith("What's your order number?", new OrderWords(knowledge.Responses, OrderPolicies.From(knowledge.Policies)).Say("verify.ask_number"), StringComparison.Ordinal);
    }

    [Fact]
    public void Plurals_AndPolicyNumbers_AreFilledIn()
    {
        var words = new OrderWords(Load().Responses, RepoWords.Orders.Policies);

        Assert.EndsWith("(1 try left).", words.Count("verify.mismatch", 1), StringComparison.Ordinal);
        Assert.EndsWith("(2 tries left).", words.Count("verify.mismatch", 2), StringComparison.Ordinal);
        Assert.Contains("free within 45 days of delivery", words.Say("preface.exchange", ("question", "?")), StringComparison.Ordinal);
    }

    private KnowledgeBase Load() => new KnowledgeLoader(new KnowledgeOptions(), pathsInFolder: true).Load(_folder);
}
