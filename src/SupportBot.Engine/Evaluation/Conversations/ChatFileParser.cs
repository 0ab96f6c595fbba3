using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Evaluation.Conversations;

/// <summary>
/// Reads a <c>.chat</c> file: the Bot Framework chatdown syntax (<c>user:</c>/<c>bot:</c> lines, <c>key=value</c>
/// headers, <c>[Suggestions=…]</c>, <c>[HeroCard …]</c>, <c>[Attachment=…]</c>, <c>[Typing]</c>) extended with
/// assertions (<c>[Intent=…]</c>, <c>[Faq=…]</c>, <c>[Handoff=…]</c>, <c>[Language=…]</c>, <c>[Match=/…/]</c>…). Every problem is reported
/// as <c>path:line: message</c>; a file with problems is not run.
/// </summary>
internal static partial class ChatFileParser
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { "Typing", "Delay", "AttachmentLayout", "ConversationUpdate" };

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "Intent", "Faq", "Action", "Handoff", "Match", "NoMatch", "Flow", "Step", "Verified", "Language", "Card", "Suggestions", "HeroCard", "Attachment",
    };

    public static (ScriptedConversation? Conversation, IReadOnlyList<FileProblem> Problems) Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<FileProblem>();
        var headers = new ChatHeaders(System.IO.Path.GetFileNameWithoutExtension(path));
        var turns = new List<TurnBuilder>();
        TurnBuilder? turn = null;
        StringBuilder? botText = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        void EndBotText()
        {
            if (botText is not null && turn is not null)
            {
                var said = botText.ToString().Trim();
                turn.BotTexts.Add(said.Length == 0 || said == "{any}" ? null : said);
            }

            botText = null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('#'))
            {
                continue;
            }

            if (trimmed.Length == 0)
            {
                // A blank line inside a bot message keeps paragraphs apart; elsewhere it means nothing.
                botText?.Append('\n');
                continue;
            }

            if (turns.Count == 0 && turn is null && HeaderLine().Match(trimmed) is { Success: true } header)
            {
                headers.Read(header.Groups[1].Value, header.Groups[2].Value.Trim(), path, number, problems);
                continue;
            }

            if (Speaker().Match(trimmed) is { Success: true } spoken)
            {
                EndBotText();
                var (who, said) = (spoken.Groups[1].Value.ToLowerInvariant(), spoken.Groups[2].Value);
                var (textPart, tags) = SplitTags(said, path, number, problems);
                if (who == "user")
                {
                    if (textPart.Length == 0)
                    {
                        problems.Add(new FileProblem(path, number, "a user line needs text"));
                    }

                    turn = new TurnBuilder(number, textPart, IsStart: false);
                    turns.Add(turn);
                    Apply(turn, tags, path, number, problems);
                }
                else
                {
                    if (turn is null)
                    {
                        turn = new TurnBuilder(number, "", IsStart: true);
                        turns.Add(turn);
                    }

                    botText = new StringBuilder(textPart);
                    Apply(turn, tags, path, number, problems);
                }

                continue;
            }

            if (trimmed.StartsWith('['))
            {
                var (rest, tags) = SplitTags(trimmed, path, number, problems);
                if (rest.Length > 0)
                {
                    problems.Add(new FileProblem(path, number, $"'{rest}' after the tags: a line of tags holds only tags"));
                }

                if (turn is null)
                {
                    problems.Add(new FileProblem(path, number, "tags before the first user: or bot: line"));
                }
                else
                {
                    Apply(turn, tags, path, number, problems);
                }

                continue;
            }

            if (botText is not null)
            {
                var (rest, tags) = SplitTags(trimmed, path, number, problems);
                botText.Append('\n').Append(rest);
                Apply(turn!, tags, path, number, problems);
                continue;
            }

            problems.Add(new FileProblem(path, number, $"'{Clip(trimmed)}' is not a header (key=value), a user: or bot: line, a continuation of a bot message, or tags"));
        }

        EndBotText();
        if (turns.All(t => t.IsStart))
        {
            problems.Add(new FileProblem(path, 1, "no user: lines: nothing to replay"));
        }

        return problems.Count > 0
            ? (null, problems)
            : (new ScriptedConversation(headers.Name, path, [.. turns.Select(t => t.Build())]) { Tolerance = headers.Tolerance, Locale = headers.Locale }, problems);
    }

    /// <summary>Takes the recognised tags off a line; Markdown links such as <c>[our returns page](…)</c> stay text.</summary>
    private static (string Text, List<(string Name, string Value)> Tags) SplitTags(string line, string path, int number, List<FileProblem> problems)
    {
        var tags = new List<(string, string)>();
        var text = new StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == '[' && TryReadTag(line, i, out var tagName, out var value, out var end))
            {
                if (Known.Contains(tagName))
                {
                    tags.Add((tagName, value));
                }
                else if (!Ignored.Contains(tagName))
                {
                    text.Append(line, i, end - i);
                }

                i = end;
                continue;
            }

            if (line[i] == '[' && line.AsSpan(i + 1).TrimStart() is { Length: > 0 } after && char.IsLetter(after[0]) && LooksLikeTag(line, i))
            {
                var close = line.IndexOf(']', i);
                problems.Add(new FileProblem(path, number, $"unknown tag '{line[i..(close + 1)]}' (known: {string.Join(", ", Known.Order(StringComparer.Ordinal))})"));
                i = close + 1;
                continue;
            }

            text.Append(line[i]);
            i++;
        }

        return (text.ToString().Trim(), tags);
    }

    /// <summary>A tag is <c>[Name]</c>, <c>[Name=value]</c> or <c>[Name attr=… attr=…]</c>; a regex value <c>/…/flags</c> may contain brackets.</summary>
    private static bool TryReadTag(string line, int start, out string name, out string value, out int end)
    {
        name = value = "";
        end = start;
        var i = start + 1;
        while (i < line.Length && char.IsLetter(line[i]))
        {
            i++;
        }

        name = line[(start + 1)..i];
        if (name.Length == 0 || !(Known.Contains(name) || Ignored.Contains(name)))
        {
            return false;
        }

        if (i < line.Length && line[i] == ']')
        {
            end = i + 1;
            return true;
        }

        if (i >= line.Length || (line[i] != '=' && line[i] != ' '))
        {
            return false;
        }

        var valueStart = i + 1;
        if (line[i] == '=' && valueStart < line.Length && line[valueStart] == '/')
        {
            // A regex: up to the first later '/' that is followed only by flags and the closing bracket.
            var last = -1;
            for (var j = valueStart + 1; j < line.Length; j++)
            {
                if (line[j] == '/' && FlagsThenBracket().IsMatch(line.AsSpan(j + 1)))
                {
                    last = j;
                    break;
                }
            }

            if (last < 0)
            {
                return false;
            }

            var bracket = line.IndexOf(']', last);
            value = line[valueStart..bracket];
            end = bracket + 1;
            return true;
        }

        var closing = line.IndexOf(']', valueStart);
        if (closing < 0)
        {
            return false;
        }

        value = line[valueStart..closing].Trim();
        end = closing + 1;
        return true;
    }

    private static bool LooksLikeTag(string line, int start)
    {
        var close = line.IndexOf(']', start);
        return close > 0 && (close + 1 >= line.Length || line[close + 1] != '(');
    }

    private static void Apply(TurnBuilder turn, List<(string Name, string Value)> tags, string path, int number, List<FileProblem> problems)
    {
        foreach (var (name, value) in tags)
        {
            switch (name.ToLowerInvariant())
            {
                case "intent":
                    turn.Intent = value;
                    break;
                case "faq":
                    turn.Faq = value;
                    break;
                case "action":
                    turn.Action = value;
                    break;
                case "handoff":
                    turn.Handoff = value;
                    break;
                case "flow":
                    turn.Flow = value;
                    break;
                case "step":
                    turn.Step = value;
                    break;
                case "verified" when value.ToLowerInvariant() is "yes" or "true" or "no" or "false":
                    turn.Verified = value.ToLowerInvariant() is "yes" or "true";
                    break;
                case "verified":
                    problems.Add(new FileProblem(path, number, $"Verified={value}: write yes or no"));
                    break;
                case "language" when ChatHeaders.NormalizeLocale(value) is { } language && !language.Contains('-', StringComparison.Ordinal):
                    turn.Language = language;
                    break;
                case "language":
                    problems.Add(new FileProblem(path, number, $"Language={value}: write a two-letter language code such as fr, es or en"));
                    break;
                case "match" or "nomatch":
                    if (RegexOf(value, out var error) is null)
                    {
                        problems.Add(new FileProblem(path, number, $"{name}={value}: {error}"));
                    }
                    else
                    {
                        (name.Equals("match", StringComparison.OrdinalIgnoreCase) ? turn.Matches : turn.NoMatches).Add(value);
                    }

                    break;
                case "suggestions":
                    turn.Suggestions.AddRange(value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "card":
                    turn.Cards.Add(value.ToLowerInvariant());
                    break;
                case "herocard":
                    turn.Cards.Add("hero");
                    break;
                case "attachment":
                    turn.Cards.Add(value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var type, ..] ? type.ToLowerInvariant() : "any");
                    break;
            }
        }
    }

    /// <summary>A <c>/pattern/flags</c> value as a regex (flags: <c>i</c>, <c>m</c>, <c>s</c>); null with the reason when it is not one.</summary>
    public static Regex? RegexOf(string value, out string error)
    {
        ArgumentNullException.ThrowIfNull(value);
        var last = value.LastIndexOf('/');
        if (!value.StartsWith('/') || last <= 0)
        {
            error = "write the pattern between slashes, e.g. /in transit/i";
            return null;
        }

        var options = RegexOptions.CultureInvariant;
        foreach (var flag in value[(last + 1)..])
        {
            options |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                _ => RegexOptions.None,
            };
        }

        try
        {
            error = "";
            return new Regex(value[1..last], options, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            error = "not a valid regular expression: " + ex.Message;
            return null;
        }
    }

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;

    [GeneratedRegex(@"^([A-Za-z]+)\s*=(.*)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^(user|bot)\s*:\s?(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Speaker();

    [GeneratedRegex(@"^[imsx]*\]")]
    private static partial Regex FlagsThenBracket();
}
