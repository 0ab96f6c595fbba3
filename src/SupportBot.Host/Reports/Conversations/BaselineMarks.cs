using SupportBot.Evaluation.Conversations;

namespace SupportBot.Host.Reports.Conversations;

/// <summary>Which conversations broke or mended since the baseline; without a baseline nothing is marked.</summary>
internal sealed class BaselineMarks(BaselineComparison? comparison)
{
    private readonly HashSet<string> _regressions = (comparison?.Regressions ?? []).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _fixes = (comparison?.Fixes ?? []).ToHashSet(StringComparer.Ordinal);

    public bool Regressed(ConversationResult conversation) => _regressions.Contains(BaselineComparer.Key(conversation));

    public bool Fixed(ConversationResult conversation) => _fixes.Contains(BaselineComparer.Key(conversation));
}
