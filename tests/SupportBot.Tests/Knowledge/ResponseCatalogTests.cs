using SupportBot.Knowledge;
using SupportBot.Knowledge.Responses;
using SupportBot.Orders;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

/// <summary>The editors' response catalogues: checked against their schema at the line, translated per locale, built in as a fallback.</summary>
[Trait("Category", "Unit")]
public sealed class ResponseCatalogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-responses-" + Guid.NewGuid().ToString("N"));

    public ResponseCatalogTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "responses"));
        File.Copy(Path.Combine(RepoPaths.Knowledge, "policies.yml"), Path.Combine(_folder, "policies.yml"));
        File.Copy(Path.Combine(RepoPaths.Knowledge, "responses", "orders.yml"), Path.Combine(_folder, "responses", "orders.yml"));
        File.Copy(Path.Combine(RepoPaths.Knowledge, "responses", "conversation.yml"), Path.Combine(_folder, "responses", "conversation.yml"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheShippedCatalogue_HasEveryKey_AndNoProblem()
    {
        var knowledge = Load();

        Assert.DoesNotContain(knowledge.Diagnostics, d => d.Path.StartsWith("responses", StringComparison.Ordinal));
        Assert.All(OrderTexts.Schema.Keys.Keys, key => Assert.NotNull(knowledge.Responses.Find(OrderTexts.Catalogue, key)));
        Assert.All(ConversationTexts.Schema.Keys.Keys, key => Assert.NotNull(knowledge.Responses.Find(ConversationTexts.Catalogue, key)));
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
        var french = new OrderWords(knowledge.Responses, OrderPolicies.From(knowledge.Policies), "fr-CA");

        Assert.False(knowledge.HasErrors);
        Assert.Equal("Quel est votre numéro de commande ?", french.Say("verify.ask_number"));
        Assert.StartsWith("To keep your order details private", french.Say("verify.ask_proof"), StringComparison.Ordinal);
        Assert.Contains(knowledge.Diagnostics, d => d.Path == "responses/orders.fr.yml" && d.Message == "'verify.ask_proof' is not translated: the default file's sentence is used");
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
