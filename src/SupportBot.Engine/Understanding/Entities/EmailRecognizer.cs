using System.Text.RegularExpressions;

namespace SupportBot.Understanding.Entities;

/// <summary>E-mail addresses in the practical form people type; a full stop or comma after one is not part of it.</summary>
internal static partial class EmailRecognizer
{
    public static void Find(string text, List<Entity> into)
    {
        foreach (Match match in Address().Matches(text))
        {
            into.Add(Entity.From(EntityKind.Email, text, match.Index, match.Length, match.Value.ToLowerInvariant()));
        }
    }

    // Local part and labels are bounded (RFC 5321 lengths) and labels are separated by a literal dot, so a long run of
    // letters without an '@' costs one bounded scan per word start, not backtracking.
    [GeneratedRegex(
        @"(?<![0-9A-Za-z._%+-])[0-9A-Za-z][0-9A-Za-z._%+-]{0,63}@(?:[0-9A-Za-z](?:[0-9A-Za-z-]{0,61}[0-9A-Za-z])?\.){1,8}[A-Za-z]{2,24}(?![0-9A-Za-z-])",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Address();
}
