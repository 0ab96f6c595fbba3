using System.Globalization;
using System.Numerics.Tensors;
using SupportBot.Embeddings;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// Phrasings of two different entries that mean nearly the same (cosine at or above <see cref="Threshold"/>): editors
/// create such duplicates, and a shopper who asks that question may get either answer. <c>knowledge validate</c>
/// reports each pair once, as a warning at the later phrasing.
/// </summary>
internal static class NearDuplicates
{
    /// <summary>At or above this cosine two phrasings are reported.</summary>
    public const double Threshold = 0.95;

    /// <summary>Above this many phrasings the pairwise check (quadratic) is skipped.</summary>
    public const int MaxPhrasings = 20_000;

    public static async Task<IReadOnlyList<KnowledgeDiagnostic>> FindAsync(KnowledgeBase knowledge, TextEmbeddings embeddings,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(embeddings);
        var phrasings = knowledge.Entries
            .SelectMany((entry, index) => entry.Questions.Select(q => (Entry: index, q.Text, q.Line)).Prepend((Entry: index, Text: entry.Title, Line: entry.TitleLine)))
            .ToList();
        if (!embeddings.IsEnabled || phrasings.Count < 2 || phrasings.Count > MaxPhrasings)
        {
            return [];
        }

        var vectors = await embeddings.EmbedAsync([.. phrasings.Select(p => p.Text)], cancellationToken).ConfigureAwait(false);
        var found = new List<KnowledgeDiagnostic>();
        for (var later = 1; later < phrasings.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                var (a, b) = (phrasings[earlier], phrasings[later]);
                if (a.Entry == b.Entry)
                {
                    continue;
                }

                var similarity = TensorPrimitives.Dot(vectors[earlier], vectors[later]);
                if (similarity >= Threshold)
                {
                    var other = knowledge.Entries[a.Entry];
                    var entry = knowledge.Entries[b.Entry];
                    found.Add(new KnowledgeDiagnostic(entry.Source.Path, b.Line, DiagnosticSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
                        $"\"{b.Text}\" means nearly the same as \"{a.Text}\" of entry '{other.Id}' ({other.Source.Path}:{a.Line}, similarity {similarity:0.00}): a shopper asking it may get either answer")));
                }
            }
        }

        return found;
    }
}
