using System.Text.RegularExpressions;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Architecture;

/// <summary>
/// The layering a newcomer relies on, checked on the sources: the conversation capability sits on top (it may use
/// orders, handoff and knowledge, never the reverse), and only the renderers write Bot Framework messages.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed partial class DependencyRulesTests
{
    private static readonly string Engine = Path.Combine(RepoPaths.Root, "src", "SupportBot.Engine");

    public static TheoryData<string> CapabilitiesBelowConversation => ["Orders", "Handoff", "Knowledge", "Understanding", "Drafting", "Storage", "Privacy", "Replies", "Schema", "Configuration", "Feedback"];

    [Theory]
    [MemberData(nameof(CapabilitiesBelowConversation))]
    public void NoCapabilityBelowTheConversation_UsesIt(string folder)
    {
        var offenders = SourcesIn(folder).Where(f => ConversationNamespace().IsMatch(File.ReadAllText(f))).Select(Relative).ToList();

        Assert.True(Directory.Exists(Path.Combine(Engine, folder)), folder);
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("Orders")]
    [InlineData("Handoff")]
    [InlineData("Conversation")]
    public void OnlyTheRenderers_BuildMessages(string folder)
    {
        // Suggested actions, hero cards and message activities are a channel's form of a reply: ActivityRenderer and TurnRenderer make them.
        var offenders = SourcesIn(folder).Where(f => !Path.GetFileName(f).EndsWith("Renderer.cs", StringComparison.Ordinal))
            .Where(f => MessageBuilding().IsMatch(File.ReadAllText(f))).Select(Relative).ToList();

        Assert.NotEmpty(SourcesIn(folder));
        Assert.Empty(offenders);
    }

    [Fact]
    public void TheEngine_HoldsNoDemoStore()
    {
        // The demo store is SupportBot.DemoStore, one order backend among others: the product knows none of its data or tables.
        var demoTypes = typeof(SupportBot.Orders.IOrderBackend).Assembly.GetTypes().Where(t => t.Name.StartsWith("Demo", StringComparison.Ordinal)).Select(t => t.FullName);
        var demoSources = SourcesIn(".").Where(f => DemoData().IsMatch(File.ReadAllText(f))).Select(Relative);

        Assert.Empty(demoTypes);
        Assert.Empty(demoSources);
        Assert.DoesNotContain("SupportBot.DemoStore.csproj", File.ReadAllText(Path.Combine(Engine, "SupportBot.Engine.csproj")), StringComparison.Ordinal);
    }

    private static IEnumerable<string> SourcesIn(string folder) => Directory.EnumerateFiles(Path.Combine(Engine, folder), "*.cs", SearchOption.AllDirectories);

    private static string Relative(string file) => Path.GetRelativePath(Engine, file);

    // The demo store's tables and its shop's web address.
    [GeneratedRegex(@"\bdemo_(store|customers|orders|order_items|returns|return_lines)\b|larkspurandpine\.com")]
    private static partial Regex DemoData();

    [GeneratedRegex(@"\bSupportBot\.Conversation\b")]
    private static partial Regex ConversationNamespace();

    [GeneratedRegex(@"\bnew (SuggestedActions|HeroCard|CardAction)\(|CardAction\.Say\(|Type = ActivityTypes\.Message\b")]
    private static partial Regex MessageBuilding();
}
