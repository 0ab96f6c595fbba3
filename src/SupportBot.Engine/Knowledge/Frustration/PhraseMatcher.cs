using System.Collections.Frozen;

namespace SupportBot.Knowledge.Frustration;

/// <summary>
/// The lexicon's phrases and softeners compiled into a word trie when the lexicon is built, so reading a message costs
/// one dictionary look-up per word and no allocation unless something matches.
/// </summary>
internal sealed class PhraseMatcher
{
    /// <summary>How many words back a negation reaches: "not angry", "not really angry".</summary>
    private const int NegationReach = 2;

    private readonly Node _root;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _negations;

    private PhraseMatcher(Node root, FrozenSet<string> negations)
    {
        _root = root;
        _negations = negations.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static PhraseMatcher Build(IReadOnlyList<WeightedPhrase> phrases, IReadOnlyList<WeightedPhrase> softeners, IReadOnlyList<string> negations)
    {
        var root = new NodeBuilder();
        foreach (var phrase in phrases)
        {
            root.Add(ShopperWords.Split(phrase.Text), new Match("phrase:" + phrase.Text, phrase.Weight, Negatable: true));
        }

        foreach (var softener in softeners)
        {
            root.Add(ShopperWords.Split(softener.Text), new Match("softener:" + softener.Text, -softener.Weight, Negatable: false));
        }

        var negationWords = negations.SelectMany(ShopperWords.Split).ToFrozenSet(StringComparer.Ordinal);
        return new PhraseMatcher(root.Freeze(), negationWords);
    }

    /// <summary>
    /// Adds the weight of every phrase and softener in the message, the longest match first, each phrase once; a phrase
    /// right after a negation in the same clause ("not angry") does not count.
    /// </summary>
    public double Score(ReadOnlySpan<char> chars, ReadOnlySpan<Word> words, ref List<string>? signals)
    {
        var total = 0.0;
        var i = 0;
        while (i < words.Length)
        {
            var node = _root;
            Match? best = null;
            var end = i;
            for (var j = i; j < words.Length && node.TryGetChild(chars.Slice(words[j].Start, words[j].Length), out node); j++)
            {
                if (node.Match is { } match)
                {
                    best = match;
                    end = j + 1;
                }
            }

            if (best is null)
            {
                i++;
                continue;
            }

            if (!(best.Negatable && IsNegated(chars, words, i)) && !Contains(signals, best.Signal))
            {
                total += best.Weight;
                (signals ??= []).Add(best.Signal);
            }

            i = end;
        }

        return total;
    }

    private bool IsNegated(ReadOnlySpan<char> chars, ReadOnlySpan<Word> words, int start)
    {
        for (var k = start - 1; k >= 0 && k >= start - NegationReach && (words[k + 1].Flags & WordFlags.AfterBreak) == 0; k--)
        {
            if (_negations.Contains(chars.Slice(words[k].Start, words[k].Length)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(List<string>? signals, string signal)
    {
        if (signals is null)
        {
            return false;
        }

        foreach (var existing in signals)
        {
            if (ReferenceEquals(existing, signal))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Match(string Signal, double Weight, bool Negatable);

    private sealed class Node(FrozenDictionary<string, Node> children, Match? match)
    {
        private readonly FrozenDictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> _children =
            children.GetAlternateLookup<ReadOnlySpan<char>>();

        public Match? Match { get; } = match;

        public bool TryGetChild(ReadOnlySpan<char> word, out Node child) => _children.TryGetValue(word, out child!);
    }

    private sealed class NodeBuilder
    {
        private readonly Dictionary<string, NodeBuilder> _children = new(StringComparer.Ordinal);
        private Match? _match;

        public void Add(string[] words, Match match)
        {
            var node = this;
            foreach (var word in words)
            {
                if (!node._children.TryGetValue(word, out var next))
                {
                    next = new NodeBuilder();
                    node._children.Add(word, next);
                }

                node = next;
            }

            // The parser refuses duplicates; if two still normalise alike, the first listed wins.
            node._match ??= match;
        }

        public Node Freeze() =>
            new(_children.ToFrozenDictionary(c => c.Key, c => c.Value.Freeze(), StringComparer.Ordinal), _match);
    }
}
