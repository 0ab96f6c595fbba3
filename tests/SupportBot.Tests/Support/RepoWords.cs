using SupportBot.Knowledge;
using SupportBot.Orders;

namespace SupportBot.Tests.Support;

/// <summary>The order flows' sentences as the shipped knowledge words them, for tests that compare whole replies.</summary>
internal static class RepoWords
{
    private static readonly Lazy<OrderWords> Shipped = new(() =>
    {
        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(RepoPaths.Knowledge);
        return new OrderWords(knowledge.Responses, OrderPolicies.From(knowledge.Policies));
    });

    public static OrderWords Orders => Shipped.Value;

    public static string EmailRequired => Orders.Say("verify.email_required");

    public static string TryLater(TimeSpan retryAfter) => Orders.Count("verify.try_later", Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes)));
}
