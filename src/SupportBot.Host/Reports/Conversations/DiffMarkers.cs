namespace SupportBot.Host.Reports.Conversations;

internal enum DiffChange
{
    Same,
    Removed,
    Added,
}

/// <summary>Reads a word diff written with <c>[-removed-]</c> and <c>{+added+}</c> markers; a marker left open is plain text.</summary>
internal static class DiffMarkers
{
    public static IEnumerable<(DiffChange Change, string Text)> Split(string diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var at = 0;
        while (at < diff.Length)
        {
            var removed = diff.IndexOf("[-", at, StringComparison.Ordinal);
            var added = diff.IndexOf("{+", at, StringComparison.Ordinal);
            var start = removed < 0 ? added : added < 0 ? removed : Math.Min(removed, added);
            var isRemoved = start == removed;
            var end = start < 0 ? -1 : diff.IndexOf(isRemoved ? "-]" : "+}", start + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            if (start > at)
            {
                yield return (DiffChange.Same, diff[at..start]);
            }

            yield return (isRemoved ? DiffChange.Removed : DiffChange.Added, diff[(start + 2)..end]);
            at = end + 2;
        }

        if (at < diff.Length)
        {
            yield return (DiffChange.Same, diff[at..]);
        }
    }
}
