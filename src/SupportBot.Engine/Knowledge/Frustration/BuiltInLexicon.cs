namespace SupportBot.Knowledge.Frustration;

/// <summary>
/// The starter <c>knowledge/frustration.yml</c>, compiled into the engine so a knowledge folder without one (or with a
/// broken one, which is reported) still hands frustrated shoppers over the same way.
/// </summary>
internal static class BuiltInLexicon
{
    private const string ResourceName = "SupportBot.BuiltInFrustration.yml";

    // Parsed once per process: the lexicon is immutable and every knowledge load without a file of its own shares it.
    private static readonly Lazy<FrustrationLexicon> Lexicon = new(Parse);

    public static FrustrationLexicon Load() => Lexicon.Value;

    private static FrustrationLexicon Parse()
    {
        using var stream = typeof(BuiltInLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        var diagnostics = new DiagnosticBag();
        return FrustrationFileParser.Parse(reader.ReadToEnd(), "(built-in frustration lexicon)", diagnostics)
            ?? throw new InvalidOperationException("the built-in frustration lexicon is invalid: " + string.Join("; ", diagnostics.Items));
    }
}
