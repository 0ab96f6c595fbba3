using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Knowledge;

/// <summary>A store fact from <c>policies.yml</c>, with the line it was written on.</summary>
internal sealed record PolicyFact(string Path, string Value, SourceLocation Source);

/// <summary>
/// The store's facts (return window, shipping costs, …) as dotted paths, e.g. <c>returns.window_days</c>.
/// FAQ answers quote them through <c>{{returns.window_days}}</c> and workflows read them here, so the bot
/// states one set of facts everywhere.
/// </summary>
internal sealed partial class StorePolicies
{
    public static readonly StorePolicies Empty = new(new Dictionary<string, PolicyFact>());

    private readonly IReadOnlyDictionary<string, PolicyFact> _facts;

    public StorePolicies(IReadOnlyDictionary<string, PolicyFact> facts) => _facts = facts;

    public IReadOnlyCollection<PolicyFact> Facts => (IReadOnlyCollection<PolicyFact>)_facts.Values;

    public bool TryGet(string path, out PolicyFact fact) => _facts.TryGetValue(path, out fact!);

    public string? GetText(string path) => _facts.TryGetValue(path, out var fact) ? fact.Value : null;

    public decimal? GetNumber(string path) =>
        _facts.TryGetValue(path, out var fact) && decimal.TryParse(fact.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>
    /// Replaces every <c>{{path}}</c> in <paramref name="markdown"/>; an unknown path is reported at its line and left as written.
    /// </summary>
    public string Fill(string markdown, string displayPath, int firstLine, DiagnosticBag diagnostics)
    {
        if (!markdown.Contains("{{", StringComparison.Ordinal))
        {
            return markdown;
        }

        return Placeholder().Replace(markdown, match =>
        {
            var path = match.Groups["path"].Value;
            if (_facts.TryGetValue(path, out var fact))
            {
                return fact.Value;
            }

            var line = firstLine + markdown.AsSpan(0, match.Index).Count('\n');
            diagnostics.Error(displayPath, line, $"unknown policy '{path}' in '{match.Value}' (see policies.yml)");
            return match.Value;
        });
    }

    [GeneratedRegex(@"\{\{\s*(?<path>[^{}\s]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
