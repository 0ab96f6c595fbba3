using System.Numerics.Tensors;
using System.Text.RegularExpressions;

namespace SupportBot.Knowledge.Search;

/// <summary>Which of an entry's texts a vector is of.</summary>
internal enum SemanticKind
{
    Title,
    Phrasing,
    Answer,

    /// <summary>An example of what the store does not help with (<c>knowledge/intents/out_of_scope.yml</c>).</summary>
    OutOfScope,
}

/// <summary>One embedded text of an entry: the semantic neighbour <c>ask</c> shows.</summary>
internal sealed record SemanticText(int Entry, SemanticKind Kind, string Text);

/// <summary>The entry text nearest a question in meaning, and how near (cosine in [-1,1]).</summary>
internal sealed record SemanticNeighbour(SemanticKind Kind, string Text, double Similarity);

/// <summary>
/// Every entry's title, phrasings and answer passages as unit vectors in one contiguous in-memory matrix, searched
/// exactly (a dot product per row with <see cref="TensorPrimitives"/>): at 10k entries that is ~100k rows, a few
/// milliseconds, and no approximate index to keep in step with hot reloads. Immutable; safe for concurrent searches.
/// </summary>
internal sealed partial class SemanticIndex
{
    /// <summary>Answer passages are cut at sentence ends into pieces of about this many characters.</summary>
    private const int PassageCharacters = 240;

    private readonly float[] _matrix;
    private readonly int _dimensions;
    private readonly SemanticText[] _rows;
    private readonly Func<string, CancellationToken, Task<float[]?>> _embedQuery;
    private readonly float[] _outside;
    private readonly string[] _outsideTexts;

    /// <param name="outside">Examples of what the store does not help with, and their vectors: the edge of its scope.</param>
    public SemanticIndex(IReadOnlyList<SemanticText> rows, IReadOnlyList<float[]> vectors, string modelId, Func<string, CancellationToken, Task<float[]?>> embedQuery,
        IReadOnlyList<(string Text, float[] Vector)>? outside = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(vectors);
        if (rows.Count != vectors.Count)
        {
            throw new ArgumentException($"{rows.Count} texts but {vectors.Count} vectors", nameof(vectors));
        }

        _rows = [.. rows];
        _dimensions = vectors.Count > 0 ? vectors[0].Length : 0;
        _matrix = new float[_rows.Length * _dimensions];
        for (var i = 0; i < vectors.Count; i++)
        {
            vectors[i].AsSpan().CopyTo(_matrix.AsSpan(i * _dimensions, _dimensions));
        }

        ModelId = modelId;
        _embedQuery = embedQuery;
        outside ??= [];
        _outsideTexts = [.. outside.Select(o => o.Text)];
        _outside = new float[outside.Count * _dimensions];
        for (var i = 0; i < outside.Count; i++)
        {
            outside[i].Vector.AsSpan().CopyTo(_outside.AsSpan(i * _dimensions, _dimensions));
        }
    }

    /// <summary>The out-of-scope example nearest the question; null when the knowledge has none.</summary>
    public SemanticNeighbour? NearestOutside(ReadOnlySpan<float> query)
    {
        if (query.Length != _dimensions || _outsideTexts.Length == 0)
        {
            return null;
        }

        var best = double.MinValue;
        var bestRow = 0;
        for (var row = 0; row < _outsideTexts.Length; row++)
        {
            double similarity = TensorPrimitives.Dot(query, _outside.AsSpan(row * _dimensions, _dimensions));
            if (similarity > best)
            {
                (best, bestRow) = (similarity, row);
            }
        }

        return new SemanticNeighbour(SemanticKind.OutOfScope, _outsideTexts[bestRow], Math.Round(best, 4));
    }

    public string ModelId { get; }

    public int Rows => _rows.Length;

    /// <summary>The texts of each entry that are embedded, in entry order: title, phrasings, answer passages.</summary>
    public static List<SemanticText> TextsOf(IReadOnlyList<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var texts = new List<SemanticText>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            texts.Add(new SemanticText(i, SemanticKind.Title, entry.Title));
            texts.AddRange(entry.Questions.Select(q => new SemanticText(i, SemanticKind.Phrasing, q.Text)));
            texts.AddRange(Passages(entry.AnswerText).Select(p => new SemanticText(i, SemanticKind.Answer, p)));
        }

        return texts;
    }

    /// <summary>The question's vector, from the embedding service (null when it failed).</summary>
    public Task<float[]?> EmbedAsync(string question, CancellationToken cancellationToken) => _embedQuery(question, cancellationToken);

    /// <summary>
    /// For each entry, its best similarity to <paramref name="query"/> (answer passages count <paramref name="answerWeight"/>
    /// as much as the question's own phrasings) and the row that gave it; <paramref name="count"/> entries, best first.
    /// </summary>
    public List<(int Entry, double Similarity, SemanticNeighbour Neighbour)> Nearest(ReadOnlySpan<float> query, int count, double answerWeight,
        int entries)
    {
        if (query.Length != _dimensions || _rows.Length == 0)
        {
            return [];
        }

        var best = new double[entries];
        var bestRow = new int[entries];
        Array.Fill(best, double.MinValue);
        Array.Fill(bestRow, -1);
        for (var row = 0; row < _rows.Length; row++)
        {
            double similarity = TensorPrimitives.Dot(query, _matrix.AsSpan(row * _dimensions, _dimensions));
            var text = _rows[row];
            var weighted = text.Kind == SemanticKind.Answer ? similarity * answerWeight : similarity;
            if (weighted > best[text.Entry])
            {
                best[text.Entry] = weighted;
                bestRow[text.Entry] = row;
            }
        }

        var ranked = new List<(int Entry, double Similarity, SemanticNeighbour Neighbour)>(count);
        foreach (var entry in Enumerable.Range(0, entries).Where(e => bestRow[e] >= 0).OrderByDescending(e => best[e]).Take(count))
        {
            var text = _rows[bestRow[entry]];
            ranked.Add((entry, best[entry], new SemanticNeighbour(text.Kind, text.Text, Math.Round(best[entry], 4))));
        }

        return ranked;
    }

    /// <summary>An entry's similarity (as <see cref="Nearest"/> weighs it) when it was not among the nearest.</summary>
    public (double Similarity, SemanticNeighbour? Neighbour) Of(ReadOnlySpan<float> query, int entry, double answerWeight)
    {
        double best = double.MinValue;
        var bestRow = -1;
        for (var row = 0; row < _rows.Length; row++)
        {
            if (_rows[row].Entry != entry)
            {
                continue;
            }

            double similarity = TensorPrimitives.Dot(query, _matrix.AsSpan(row * _dimensions, _dimensions));
            var weighted = _rows[row].Kind == SemanticKind.Answer ? similarity * answerWeight : similarity;
            if (weighted > best)
            {
                (best, bestRow) = (weighted, row);
            }
        }

        return bestRow < 0 ? (0, null) : (best, new SemanticNeighbour(_rows[bestRow].Kind, _rows[bestRow].Text, Math.Round(best, 4)));
    }

    /// <summary>The answer cut at sentence ends into passages of about <see cref="PassageCharacters"/> characters.</summary>
    internal static IEnumerable<string> Passages(string answer)
    {
        var passage = new System.Text.StringBuilder();
        foreach (var paragraph in answer.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var sentence in SentenceEnd().Split(paragraph))
            {
                if (passage.Length > 0 && passage.Length + sentence.Length > PassageCharacters)
                {
                    yield return passage.ToString();
                    passage.Clear();
                }

                passage.Append(passage.Length > 0 ? " " : "").Append(sentence.Trim());
            }

            if (passage.Length >= PassageCharacters / 2)
            {
                yield return passage.ToString();
                passage.Clear();
            }
        }

        if (passage.Length > 0)
        {
            yield return passage.ToString();
        }
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
