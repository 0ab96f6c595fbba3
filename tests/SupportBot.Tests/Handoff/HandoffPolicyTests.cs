using Microsoft.Extensions.Options;
using SupportBot.Conversation;
using SupportBot.Handoff;
using SupportBot.Schema;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

/// <summary>The rules on their own, at their configured thresholds.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class HandoffPolicyTests
{
    private static readonly FrustrationReading Calm = new(0, []);

    private readonly HandoffPolicy _policy = new(Options.Create(Configured()));

    [Fact]
    public void LowConfidence_ConfidentSupportIntentButNoAnswer_HandsOffAtOnce()
    {
        var verdict = _policy.AfterAnswer(Decision(TurnDecision.NotUnderstood, intent: 0.8, faq: 0.1), false, null, new HandoffMemory());

        Assert.Equal(HandoffReasons.LowConfidence, verdict!.Reason);
        Assert.Equal(("0.8", "0.1"), (verdict.Signals["intent_confidence"], verdict.Signals["faq_confidence"]));
    }

    [Theory]
    [InlineData(0.5, 0.1)]   // the intent model is not sure enough
    [InlineData(0.8, 0.3)]   // the knowledge had something close
    public void LowConfidence_EitherSignalAboveItsBar_IsOnlyAFallback(double intent, double faq)
    {
        var memory = new HandoffMemory();

        Assert.Null(_policy.AfterAnswer(Decision(TurnDecision.NotUnderstood, intent, faq), false, null, memory));
        Assert.Equal(1, memory.ConsecutiveFallbacks);
    }

    [Fact]
    public void OutOfScope_CountsAsAFallback_NotLowConfidence()
    {
        var memory = new HandoffMemory();

        Assert.Null(_policy.AfterAnswer(Decision(TurnDecision.OutOfScope, 0.9, 0.0), true, null, memory));
        Assert.Equal(HandoffReasons.RepeatedFallback, _policy.AfterAnswer(Decision(TurnDecision.OutOfScope, 0.9, 0.0), true, null, memory)!.Reason);
    }

    [Fact]
    public void AnUnusableModelDraft_IsAFallback_AClarifyingQuestionNeitherCountsNorResets()
    {
        var memory = new HandoffMemory();

        _policy.AfterAnswer(Decision(TurnDecision.Answer, 0.9, 0.9) with { LowConfidence = true }, false, null, memory);
        _policy.AfterAnswer(Decision(TurnDecision.Clarify, 0.9, 0.3), false, null, memory);

        Assert.Equal(1, memory.ConsecutiveFallbacks);
        Assert.Equal(HandoffReasons.RepeatedFallback, _policy.AfterAnswer(Decision(TurnDecision.NotUnderstood, 0.1, 0.1), false, null, memory)!.Reason);
    }

    [Fact]
    public void SensitiveIntent_OnlyWhenSureEnough()
    {
        Assert.Equal(HandoffReasons.Sensitive, _policy.BeforeAnswer("fraud", 0.7, false, false, Calm)!.Reason);
        Assert.Null(_policy.BeforeAnswer("fraud", 0.4, false, false, Calm));
        Assert.Null(_policy.BeforeAnswer("order_status", 0.99, false, false, Calm));
    }

    [Fact]
    public void AnAngryComplaint_IsFrustration_WhileAngryFraudStaysSensitive()
    {
        var angry = new FrustrationReading(1.5, ["phrase:nul", "shouting"]);

        Assert.Equal(HandoffReasons.Frustration, _policy.BeforeAnswer("complaint", 0.95, false, false, angry)!.Reason);
        Assert.Equal(HandoffReasons.Sensitive, _policy.BeforeAnswer("complaint", 0.95, false, false, Calm)!.Reason);
        Assert.Equal(HandoffReasons.Sensitive, _policy.BeforeAnswer("fraud", 0.95, false, false, angry)!.Reason);
    }

    [Fact]
    public void Frustration_AtTheThreshold_HandsOffWithItsSignals()
    {
        var verdict = _policy.BeforeAnswer("order_status", 0.9, false, false, new FrustrationReading(1.0, ["phrase:ridiculous", "shouting"]));

        Assert.Equal(HandoffReasons.Frustration, verdict!.Reason);
        Assert.Equal("phrase:ridiculous,shouting", verdict.Signals["frustration_signals"]);
        Assert.Null(_policy.BeforeAnswer("order_status", 0.9, false, false, new FrustrationReading(0.9, ["phrase:still waiting"])));
    }

    [Fact]
    public void FlowThatCannotFinish_HandsOffWithItsOwnReason()
    {
        var verdict = _policy.AfterAnswer(Decision(TurnDecision.OrderFlow, 0.9, 0) with { Step = "need_proof" }, false, HandoffReasons.VerificationFailed, new HandoffMemory());

        Assert.Equal((HandoffReasons.VerificationFailed, "need_proof"), (verdict!.Reason, verdict.Signals["step"]));
    }

    private static TurnDecision Decision(string action, double intent, double faq) => new(action, "payment_problem", intent, null, faq, [], []);

    private static HandoffOptions Configured()
    {
        var options = new HandoffOptions();
        options.SensitiveIntents.Add("fraud");
        options.SensitiveIntents.Add("complaint");
        return options;
    }
}
