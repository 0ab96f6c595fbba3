using SupportBot.Evaluation.Conversations;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Evaluation;

/// <summary>The evaluator on its own, with a scripted driver: repeats, flakiness, errors and the metrics.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class ConversationEvaluatorTests
{
    [Fact]
    public async Task RunsThatDisagree_AreFlaky_NotPassedNorFailed()
    {
        var driver = new AlternatingDriver();
        var script = Script("flaky", new ScriptedTurn(1, "hi") { Action = "small_talk" });

        var run = await new ConversationEvaluator(driver, new EvaluationSettings(Repeat: 4), TimeProvider.System).RunAsync([script], []);

        var result = Assert.Single(run.Conversations);
        Assert.Equal((ConversationOutcome.Flaky, 4, 2), (result.Outcome, result.Runs, result.PassedRuns));
        Assert.False(result.Turns[0].Passed);
        Assert.Equal(1, run.Metrics.Flaky);
        Assert.Equal(0, run.Metrics.ConversationPassRate);
    }

    [Fact]
    public async Task ADriverThatThrows_IsAnErrorWithTheReason_AndTheOthersStillRun()
    {
        var driver = new AlternatingDriver { FailOn = "boom" };
        var scripts = new[] { Script("bad", new ScriptedTurn(1, "boom")), Script("good", new ScriptedTurn(1, "hi") { Action = "small_talk" }) };

        var run = await new ConversationEvaluator(driver, new EvaluationSettings(Parallel: 1), TimeProvider.System).RunAsync(scripts, []);

        Assert.Equal((ConversationOutcome.Error, "the bot went away"), (run.Conversations[0].Outcome, run.Conversations[0].Error));
        Assert.Equal(ConversationOutcome.Passed, run.Conversations[1].Outcome);
        Assert.Equal(1, run.Metrics.Errors);
    }

    [Fact]
    public void Metrics_IntentFaqHandoffAndContainment()
    {
        static TurnResult Turn(bool passed, string? expectedIntent, string? intent, string? expectedFaq, string? faq, string? handoff = null, bool? expectedHandoff = null) =>
            new(1, 1, "x", passed, [], new TurnObservation { Intent = intent, FaqId = faq, Handoff = handoff, FirstResponseMs = 10 })
            {
                ExpectedIntent = expectedIntent,
                ExpectedFaq = expectedFaq,
                ExpectedHandoff = expectedHandoff,
            };

        ConversationResult[] results =
        [
            new("a", "a.chat", ConversationOutcome.Passed, [Turn(true, "x", "x", "f1", "f1"), Turn(true, null, "thanks", null, null)])
                { Containment = Containment.Confirmed },
            new("b", "b.chat", ConversationOutcome.Failed, [Turn(false, "y", "z", "f2", "f3")]) { Containment = Containment.Assumed },
            new("c", "c.chat", ConversationOutcome.Passed, [Turn(true, null, null, null, null, "requested", true)])
                { ExpectedHandoff = true, HandedOff = true, Containment = Containment.None },
            new("d", "d.chat", ConversationOutcome.Failed, [Turn(false, null, null, null, null, "frustration", null)])
                { HandedOff = true, Containment = Containment.None },
        ];

        var m = ConversationEvaluator.Measure(results);

        Assert.Equal((0.6, 0.5), (m.TurnPassRate, m.ConversationPassRate));
        Assert.Equal((0.5, 0.5), (m.IntentAccuracy, m.FaqHitRate));
        Assert.Equal((0.25, 0.25), (m.ContainmentConfirmed, m.ContainmentAssumed));
        Assert.Equal((0.5, 1.0), (m.HandoffPrecision, m.HandoffRecall));
        Assert.Equal(10, m.FirstResponseP50Ms);
    }

    private static ScriptedConversation Script(string name, params ScriptedTurn[] turns) => new(name, name + ".chat", turns);

    /// <summary>Answers small talk on every other conversation and something else on the rest; throws on "boom".</summary>
    private sealed class AlternatingDriver : IConversationDriver
    {
        private int _started;

        public string? FailOn { get; init; }

        public string Target => "scripted";

        public Task<(IConversationSession Session, TurnObservation Welcome)> StartAsync(string? locale, CancellationToken cancellationToken) =>
            Task.FromResult<(IConversationSession, TurnObservation)>((new Session(this, Interlocked.Increment(ref _started)), new TurnObservation()));

        private sealed class Session(AlternatingDriver driver, int number) : IConversationSession
        {
            public Task<TurnObservation> SayAsync(string text, CancellationToken cancellationToken) => text == driver.FailOn
                ? throw new HttpRequestException("the bot went away")
                : Task.FromResult(new TurnObservation { Action = number % 2 == 0 ? "small_talk" : "not_understood", Texts = ["…"] });

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
