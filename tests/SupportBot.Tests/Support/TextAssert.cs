namespace SupportBot.Tests.Support;

/// <summary>Assertions on what a report or a command printed, one fragment at a time so a failure names the fragment.</summary>
internal static class TextAssert
{
    /// <summary>Every fragment is in the text, exactly as written.</summary>
    public static void ContainsAll(string text, params string[] fragments)
    {
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, text, StringComparison.Ordinal);
        }
    }

    /// <summary>No fragment is in the text, in any letter case.</summary>
    public static void ContainsNone(string text, params string[] fragments)
    {
        foreach (var fragment in fragments)
        {
            Assert.DoesNotContain(fragment, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
