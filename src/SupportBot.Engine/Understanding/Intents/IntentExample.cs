namespace SupportBot.Understanding.Intents;

/// <summary>A labelled utterance: what a shopper said and the intent it expresses.</summary>
internal sealed record IntentExample(string Text, string Intent);
