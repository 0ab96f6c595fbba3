using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema;

/// <summary>
/// Serializer settings for activities on the wire and in storage: the Bot Framework schema's camelCase names, any
/// case accepted on reading, nulls left out.
/// </summary>
internal static class ActivityJson
{
    /// <remarks>
    /// Described by reflection, not by a source-generated context: an activity keeps the fields it does not know in
    /// an init-only extension-data property, which generated metadata cannot fill (dotnet/runtime#107898); and an
    /// attachment's content or a button's value can be any object (a transcript is an anonymous one).
    /// </remarks>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The <c>value</c> of a decision trace activity.</summary>
    public static JsonElement TraceValue(TurnDecision decision) => JsonSerializer.SerializeToElement(decision, DecisionTraceJson.Default.TurnDecision);

    /// <summary>The decision a trace activity's <c>value</c> holds.</summary>
    public static TurnDecision? Decision(JsonElement traceValue) => traceValue.Deserialize(DecisionTraceJson.Default.TurnDecision);

    /// <summary>
    /// Whether a received activity can be stored and sent on: the reader accepts an escaped lone surrogate
    /// (<c>"\uD800"</c>) inside <c>channelData</c> or <c>value</c>, which no writer can write back, so such an
    /// activity is refused as bad input at the door instead of failing when it is committed.
    /// </summary>
    public static bool CanBeWritten(Activity activity)
    {
        try
        {
            JsonSerializer.Serialize(Stream.Null, activity, Options);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>
/// The decision trace (an activity's <c>value</c>): camelCase like the activity around it, but every field written,
/// null or not, so whoever reads a trace finds each one.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TurnDecision))]
internal sealed partial class DecisionTraceJson : JsonSerializerContext;
