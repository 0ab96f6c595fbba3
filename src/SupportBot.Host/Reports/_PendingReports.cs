// Placeholder until the report branch is merged.
using SupportBot.Evaluation.Conversations;

namespace SupportBot.Host.Reports;

internal static class JUnitReport
{
    public static string Write(ConversationRun run) => "";
}

internal static class ConversationHtmlReport
{
    public static string Write(ConversationRun run, BaselineComparison? comparison, double currentThreshold) => "";
}
