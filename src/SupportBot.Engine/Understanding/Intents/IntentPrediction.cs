namespace SupportBot.Understanding.Intents;

/// <summary>An intent with its calibrated probability.</summary>
internal sealed record IntentScore(string Intent, double Confidence);

/// <summary>
/// What the shopper most likely wants. <see cref="Confidence"/> is the calibrated probability of
/// <see cref="Intent"/>; when <see cref="IsOutOfScope"/>, the intent is the out-of-scope intent and the
/// confidence is that of the out-of-scope decision. <see cref="Alternatives"/> are the best in-scope intents
/// either way, for "Did you mean …?".
/// </summary>
internal sealed record IntentPrediction(string Intent, double Confidence, bool IsOutOfScope, IReadOnlyList<IntentScore> Alternatives);
