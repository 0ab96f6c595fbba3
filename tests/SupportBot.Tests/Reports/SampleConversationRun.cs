using SupportBot.Evaluation.Conversations;

namespace SupportBot.Tests.Reports;

/// <summary>A small run written by hand: one conversation of each outcome, a word diff, a hostile user text and an unreadable file.</summary>
internal static class SampleConversationRun
{
    public const string Orders = "eval/conversations/orders.chat";
    public const string Returns = "eval/conversations/returns.transcript";
    public const string LateParcelKey = Orders + "#late parcel";
    public const string RefundStatusKey = Returns + "#refund status";

    public static ConversationRun Create() => new(
        new DateTimeOffset(2026, 11, 23, 18, 30, 0, TimeSpan.Zero),
        "local engine, knowledge/",
        [
            new ConversationResult("track an order", Orders, ConversationOutcome.Passed,
            [
                Turn(1, 3, "where is my order 1234", passed: true, faq: ("track-order", 0.91), expectedFaq: "track-order", ms: 120),
                Turn(2, 5, "thanks!", passed: true, ms: 80),
            ])
            { PassedRuns = 1, Containment = Containment.Confirmed },
            new ConversationResult("late parcel", Orders, ConversationOutcome.Failed,
            [
                Turn(1, 10, "hi", passed: true, ms: 120),
                Turn(2, 14, "<script>alert('x')</script> my parcel is late", passed: false, faq: ("shipping-times", 0.52), expectedFaq: "late-delivery", ms: 380,
                    failures:
                    [
                        new AssertionFailure("reply text", "Your order ships today", "Your order shipped yesterday", "Your order [-ships today-]{+shipped yesterday+}"),
                        new AssertionFailure("intent", "missing_package", "order_status"),
                    ]),
            ])
            { ExpectedHandoff = true, HandedOff = false, Containment = Containment.Assumed },
            new ConversationResult("returns window", Returns, ConversationOutcome.Flaky,
            [
                Turn(1, 4, "can I return shoes\u0001 after 40 days", passed: false, faq: ("returns-window", 0.38), expectedFaq: "returns-window", ms: 640,
                    failures: [new AssertionFailure("faq", "returns-window", "(none above the threshold)")]),
            ])
            { Runs = 5, PassedRuns = 3, Containment = Containment.None, HandedOff = true },
            new ConversationResult("broken flow", Returns, ConversationOutcome.Error, [])
            { Error = "step 'confirm' is not in flow 'returns'\nwhile driving line 22" },
            new ConversationResult("refund status", Returns, ConversationOutcome.Passed,
            [
                Turn(1, 30, "where is my refund", passed: true, faq: ("refund-status", 0.77), expectedFaq: "refund-status", ms: 210),
            ])
            { PassedRuns = 1, Containment = Containment.Assumed },
        ],
        new ConversationMetrics
        {
            Conversations = 5,
            Turns = 6,
            TurnPassRate = 0.6667,
            ConversationPassRate = 0.4,
            Flaky = 1,
            Errors = 1,
            IntentAccuracy = null,
            FaqHitRate = 0.5,
            ContainmentConfirmed = 0.2,
            ContainmentAssumed = 0.4,
            HandoffPrecision = 0.0,
            HandoffRecall = 0.0,
            FirstResponseP50Ms = 165.5,
            FirstResponseP99Ms = 640,
        },
        [new FileProblem("eval/conversations/bad.chat", 7, "unknown directive '> wat'")]);

    public static TurnResult Turn(int index, int line, string text, bool passed, (string Id, double Confidence)? faq = null, string? expectedFaq = null,
        double ms = 100, IReadOnlyList<AssertionFailure>? failures = null) =>
        new(index, line, text, passed, failures ?? [], new TurnObservation
        {
            Texts = [$"reply to line {line}"],
            FaqId = faq?.Id,
            FaqConfidence = faq?.Confidence ?? 0,
            FirstResponseMs = ms,
        })
        { ExpectedFaq = expectedFaq };

    /// <summary>The run with only the given outcomes changed, by conversation name, for baseline comparisons.</summary>
    public static ConversationRun WithOutcomes(params (string Name, string Path, ConversationOutcome Outcome)[] conversations) =>
        Create() with
        {
            Conversations = conversations.Select(c => new ConversationResult(c.Name, c.Path, c.Outcome, [])).ToList(),
        };
}
