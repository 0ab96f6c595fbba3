using SupportBot.Knowledge;
using SupportBot.Tests.Support;
using SupportBot.Understanding.Intents;

namespace SupportBot.Tests.Understanding;

[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class IntentKnowledgeTests
{
    private static KnowledgeBase Load(TempFolder folder) => new KnowledgeLoader(new KnowledgeOptions()).Load(folder.Path);

    [Fact]
    public void ShippedIntents_HaveEnoughExamples()
    {
        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(RepoPaths.Knowledge);
        var transactional = new[]
        {
            "order_status", "cancel_order", "change_address", "start_return", "return_status", "refund_status", "exchange",
            "damaged_or_wrong_item", "missing_package", "payment_problem", "discount_code_problem", "talk_to_human", "complaint",
            "fraud", "chargeback", "legal",
        };

        foreach (var name in transactional)
        {
            var intent = Assert.Single(knowledge.Intents, i => i.Name == name);
            Assert.True(intent.Examples.Count >= 25, $"{name}: {intent.Examples.Count}");
        }

        foreach (var name in new[] { "greeting", "goodbye", "thanks", "affirm", "deny", "bot_challenge", "out_of_scope" })
        {
            Assert.Contains(knowledge.Intents, i => i.Name == name);
        }
    }

    [Fact]
    public void TrainingSet_AddsOneIntentPerFaqTopic()
    {
        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(RepoPaths.Knowledge);

        var intents = IntentTrainingSet.From(knowledge).Select(e => e.Intent).ToHashSet();

        Assert.Contains("faq_returns_refunds", intents);
        Assert.Contains("faq_orders_shipping", intents);
    }

    [Fact]
    public void Load_IntentFileProblems_AreLocated()
    {
        using var folder = TempFolder.Create();
        folder.Write("intents/a.yml", "intent: order_status\nexamples:\n  - where is my order\n  - track it\n");
        folder.Write("intents/b.yml", "intent: Bad Name\nexamples:\n  - x\n");
        folder.Write("intents/c.yml", "intent: other\nexamples:\n  - Where is my order?\n");
        folder.Write("intents/d.yml", "intent: empty\n");
        folder.Write("intents/e.yml", "intent: faq_mine\nexamples:\n  - hi\n");

        var errors = Load(folder).Errors.Select(e => $"{Path.GetFileName(e.Path)}:{e.Line}: {e.Message}").ToList();

        Assert.Contains("b.yml:1: intent 'Bad Name' must be lowercase words joined by '_', e.g. 'order_status'", errors);
        Assert.Contains(errors, e => e.StartsWith("c.yml:3: the example \"Where is my order?\" is also an example of 'order_status'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("d.yml:1: an intent needs 'examples'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("e.yml:1: intent names starting with 'faq_'", StringComparison.Ordinal));
    }
}
