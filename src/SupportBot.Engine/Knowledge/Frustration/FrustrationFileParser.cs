using System.Globalization;
using SupportBot.Knowledge.Files;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Knowledge.Frustration;

/// <summary>
/// Reads <c>frustration.yml</c>: <c>phrases</c> and <c>softeners</c> as <c>phrase: weight</c> maps, <c>negations</c> as
/// a list of words, and <c>signals</c> with a weight for each structural signal. Every problem is reported at its line;
/// a file with an error yields no lexicon, so the caller keeps the built-in one rather than half a list.
/// </summary>
internal static class FrustrationFileParser
{
    /// <summary>The largest weight: a single phrase worth five frustrated messages is a typo, not a judgement.</summary>
    public const double MaxWeight = 5;

    private const string PhrasesField = "phrases";
    private const string SoftenersField = "softeners";
    private const string NegationsField = "negations";
    private const string SignalsField = "signals";
    private static readonly string[] KnownFields = [PhrasesField, SoftenersField, NegationsField, SignalsField];

    public static FrustrationLexicon? Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCountFor(displayPath);
        var yaml = new YamlDocumentReader(displayPath, 1, diagnostics);
        var root = yaml.ParseMapping(text, "the frustration lexicon");
        if (root is null)
        {
            return null;
        }

        // Phrases and softeners share one namespace: a phrase listed in both would cancel itself.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        List<WeightedPhrase> phrases = [];
        List<WeightedPhrase> softeners = [];
        List<string> negations = [];
        FrustrationSignalWeights? signals = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = YamlDocumentReader.KeyOf(keyNode);
            switch (key)
            {
                case PhrasesField: phrases = ReadPhrases(value, key, yaml, seen); break;
                case SoftenersField: softeners = ReadPhrases(value, key, yaml, seen); break;
                case NegationsField: negations = ReadNegations(value, yaml); break;
                case SignalsField: signals = ReadSignals(value, yaml); break;
                default:
                    diagnostics.Warning(displayPath, yaml.LineOf(keyNode), $"unknown field '{key}' is ignored (known: {string.Join(", ", KnownFields)})");
                    break;
            }
        }

        // Broken items have their own errors already; these are for a field that is missing or empty.
        var clean = diagnostics.ErrorCountFor(displayPath) == errorsBefore;
        if (phrases.Count == 0 && clean)
        {
            diagnostics.Error(displayPath, yaml.LineOf(root), "the lexicon needs 'phrases': a map of 'phrase: weight' lines");
        }

        if (signals is null && clean)
        {
            diagnostics.Error(displayPath, yaml.LineOf(root),
                $"the lexicon needs 'signals' with a weight for each of {string.Join(", ", FrustrationSignalWeights.Names)} (0 turns one off)");
        }

        return diagnostics.ErrorCountFor(displayPath) > errorsBefore || signals is null
            ? null
            : new FrustrationLexicon(phrases, softeners, negations, signals, new SourceLocation(displayPath, 1));
    }

    private static List<WeightedPhrase> ReadPhrases(YamlNode value, string field, YamlDocumentReader yaml, Dictionary<string, int> seen)
    {
        var phrases = new List<WeightedPhrase>();
        if (value is YamlScalarNode { Value: null or "" })
        {
            return phrases;
        }

        if (value is not YamlMappingNode map)
        {
            yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(value), $"'{field}' must be a map of 'phrase: weight' lines");
            return phrases;
        }

        foreach (var (keyNode, weightNode) in map.Children)
        {
            var text = YamlDocumentReader.KeyOf(keyNode).Trim();
            var line = yaml.LineOf(keyNode);
            var words = ShopperWords.Split(text);
            if (words.Length == 0)
            {
                yaml.Diagnostics.Error(yaml.DisplayPath, line, $"the phrase '{text}' has no words (letters or digits)");
                continue;
            }

            var normalised = string.Join(' ', words);
            if (!seen.TryAdd(normalised, line))
            {
                yaml.Diagnostics.Error(yaml.DisplayPath, line,
                    $"duplicate phrase '{text}': line {seen[normalised]} already lists it (case, apostrophes and punctuation do not count)");
                continue;
            }

            if (Weight(weightNode, $"the weight of '{text}'", zeroTurnsOff: false, yaml) is { } weight)
            {
                phrases.Add(new WeightedPhrase(text, weight));
            }
        }

        return phrases;
    }

    private static List<string> ReadNegations(YamlNode value, YamlDocumentReader yaml)
    {
        var negations = new List<string>();
        foreach (var (text, line) in yaml.List(value, NegationsField, allowCommaSeparated: true))
        {
            if (ShopperWords.Split(text).Length != 1)
            {
                yaml.Diagnostics.Error(yaml.DisplayPath, line, $"the negation '{text}' must be one word");
                continue;
            }

            negations.Add(text);
        }

        return negations;
    }

    private static FrustrationSignalWeights? ReadSignals(YamlNode value, YamlDocumentReader yaml)
    {
        if (value is not YamlMappingNode map)
        {
            yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(value), $"'{SignalsField}' must be a map of 'signal: weight' lines");
            return null;
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var complete = true;
        foreach (var (keyNode, weightNode) in map.Children)
        {
            var name = YamlDocumentReader.KeyOf(keyNode);
            if (!FrustrationSignalWeights.Names.Contains(name))
            {
                yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(keyNode),
                    $"unknown signal '{name}' (known: {string.Join(", ", FrustrationSignalWeights.Names)})");
                continue;
            }

            var weight = Weight(weightNode, $"the weight of signal '{name}'", zeroTurnsOff: true, yaml);
            complete &= weight is not null;
            weights[name] = weight ?? 0;
        }

        foreach (var missing in FrustrationSignalWeights.Names.Where(n => !weights.ContainsKey(n)))
        {
            yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(map), $"signal '{missing}' needs a weight (0 turns it off)");
            complete = false;
        }

        return complete
            ? new FrustrationSignalWeights(
                weights[FrustrationSignalWeights.ShoutingName],
                weights[FrustrationSignalWeights.EmphasisName],
                weights[FrustrationSignalWeights.ExclamationsName],
                weights[FrustrationSignalWeights.QuestionMarksName],
                weights[FrustrationSignalWeights.RepeatedQuestionName])
            : null;
    }

    /// <summary>A weight up to <see cref="MaxWeight"/>: above 0, or from 0 when <paramref name="zeroTurnsOff"/>.</summary>
    private static double? Weight(YamlNode node, string what, bool zeroTurnsOff, YamlDocumentReader yaml)
    {
        var text = (node as YamlScalarNode)?.Value?.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !double.IsFinite(weight))
        {
            yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(node), node is YamlScalarNode
                ? $"{what} must be a number such as 0.5 (got '{text}')"
                : $"{what} must be a number such as 0.5, not a list or map");
            return null;
        }

        if (weight < 0 || (weight == 0 && !zeroTurnsOff) || weight > MaxWeight)
        {
            var range = zeroTurnsOff ? $"from 0 to {MaxWeight}" : $"above 0 and at most {MaxWeight}";
            yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(node), $"{what} must be {range} (got {text})");
            return null;
        }

        return weight;
    }
}
