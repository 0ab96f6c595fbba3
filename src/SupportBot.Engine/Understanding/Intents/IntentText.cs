using System.Globalization;
using System.Text;

namespace SupportBot.Understanding.Intents;

/// <summary>
/// Normalises an utterance before it is featurised, the same for training and prediction: every digit becomes 0,
/// so "LP20481736" and "LP55512345" look alike to the model (the order number's shape matters, not its value).
/// Another language than English is first folded (<see cref="IntentLanguageText"/>); English is read exactly as it
/// always was, so its models and figures do not move.
/// </summary>
internal static class IntentText
{
    public const string English = "en";

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.IsDigit(c) ? '0' : c);
        }

        return builder.ToString();
    }

    /// <summary>An utterance in a language (two-letter code; null is English) as its model reads it.</summary>
    public static string Normalize(string text, string? language) =>
        IsEnglish(language) ? Normalize(text) : Normalize(IntentLanguageText.Fold(text, language!));

    /// <summary>
    /// What a model's training data hash must include for its language's text handling: nothing for English (whose
    /// cached models stay valid), else the language and the version of its folding.
    /// </summary>
    public static string? HashTagOf(string? language) =>
        IsEnglish(language) ? null : string.Create(CultureInfo.InvariantCulture, $"{language}:{IntentLanguageText.Version}");

    public static bool IsEnglish(string? language) => language is null or English;
}
