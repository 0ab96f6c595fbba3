using System.Collections.Concurrent;
using System.Diagnostics;
using ConversationKey = SupportBot.Schema.ConversationKey;
using SupportBot.Telemetry;
using SupportBot.Tests.Drafting;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Observability;

/// <summary>A turn read as a trace: one span per turn, a child per stage, and nothing a shopper wrote on any of them.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class TurnSpansTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IDisposable
{
    private readonly ConcurrentBag<Activity> _spans = [];
    private readonly ActivityListener _listener = new();

    [Fact]
    public async Task ATurn_IsOneSpan_WithAChildPerStage_AndTheConversationHashed()
    {
        Listen();
        var ask = ModelDraftingTests.Ask("how long do I have to return something?");
        var conversation = ConversationKey.DirectLine(ask.Conversation!.Id).Value;

        await fixture.Engine.HandleAsync(ask);

        var hashed = BotTelemetry.ConversationTag(conversation);
        var turn = Assert.Single(_spans, s => s.OperationName == "turn" && (string?)s.GetTagItem("supportbot.conversation") == hashed);
        var stages = _spans.Where(s => s.ParentSpanId == turn.SpanId).Select(s => s.OperationName).ToHashSet();
        Assert.Superset(new HashSet<string> { Stages.LockWait, Stages.Understanding, Stages.Retrieval, Stages.Drafting, Stages.Render, Stages.StoreCommit }, stages);
        Assert.Equal("answer", turn.GetTagItem("supportbot.outcome"));
        Assert.Equal("en", turn.GetTagItem("supportbot.language"));
        Assert.Matches("^[0-9a-f]{16}$", hashed);
        var ours = _spans.Where(s => s == turn || s.ParentSpanId == turn.SpanId).ToList();
        Assert.All(ours.SelectMany(s => s.TagObjects), tag =>
        {
            Assert.DoesNotContain("return something", tag.Value?.ToString() ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("Ana", tag.Value?.ToString() ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(conversation, tag.Value?.ToString() ?? "", StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TheConversationTag_IsStable_AndDiffersBetweenConversations()
    {
        Assert.Equal(BotTelemetry.ConversationTag("dl:abc"), BotTelemetry.ConversationTag("dl:abc"));
        Assert.NotEqual(BotTelemetry.ConversationTag("dl:abc"), BotTelemetry.ConversationTag("dl:abd"));
    }

    public void Dispose() => _listener.Dispose();

    private void Listen()
    {
        _listener.ShouldListenTo = source => source.Name == BotTelemetry.Name;
        _listener.Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded;
        _listener.ActivityStopped = _spans.Add;
        ActivitySource.AddActivityListener(_listener);
    }
}
