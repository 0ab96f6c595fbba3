namespace SupportBot.Knowledge;

/// <summary>
/// The mark of an FAQ entry that is not ready to serve: <c>draft: true</c> in its front matter (the content-gap
/// report writes its drafts so). A draft is checked like any entry and reported as a warning, never served; an entry
/// without the mark that still holds <see cref="AnswerPlaceholder"/> is an error, so a forgotten answer cannot go out.
/// </summary>
internal static class DraftEntries
{
    public const string Field = "draft";

    /// <summary>What a draft's answer says until an editor writes it.</summary>
    public const string AnswerPlaceholder = "ANSWER TO WRITE";

    /// <summary>The whole placeholder paragraph a draft is written with.</summary>
    public static string PlaceholderAnswer =>
        $"{AnswerPlaceholder}: replace this paragraph with the answer, then delete the line '{Field}: true' above so the bot serves it.";

    public static bool HasPlaceholder(string answer) => answer.Contains(AnswerPlaceholder, StringComparison.Ordinal);
}
