using SupportBot.Schema;

namespace SupportBot.Host.Security;

/// <summary>
/// Who may see the bot's decision traces (intent and confidences, collected slots, handoff signals). The engine
/// writes a trace with every turn and the store keeps it with the transcript, for evaluation and for the agent who
/// takes over; on the wire it goes only to the Bot Framework Emulator on a Development server and to Direct Line
/// callers holding the bot's secret (the operator's evaluation runs). A shopper's page, which holds a token, never
/// gets one, and neither does any other Bot Connector channel.
/// </summary>
internal static class DecisionTraces
{
    public const string EmulatorChannel = "emulator";

    public static bool IsTrace(Activity activity) => activity.Type == ActivityTypes.Trace;

    /// <summary>Whether a Bot Connector channel gets traces: only the Emulator, only while developing.</summary>
    public static bool GoTo(string? channelId, IHostEnvironment environment) =>
        string.Equals(channelId, EmulatorChannel, StringComparison.OrdinalIgnoreCase) && environment.IsDevelopment();

    /// <summary>What of <paramref name="activities"/> a Bot Connector channel is sent.</summary>
    public static IEnumerable<Activity> For(string? channelId, IHostEnvironment environment, IEnumerable<Activity> activities) =>
        GoTo(channelId, environment) ? activities : activities.Where(a => !IsTrace(a));
}
