using System.Text;

namespace SupportBot.Understanding.Intents;

/// <summary>
/// Normalises an utterance before it is featurised, the same for training and prediction: every digit becomes 0,
/// so "LP20481736" and "LP55512345" look alike to the model (the order number's shape matters, not its value).
/// </summary>
internal static class IntentText
{
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
}
