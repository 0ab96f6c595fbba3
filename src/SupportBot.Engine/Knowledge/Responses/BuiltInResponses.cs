namespace SupportBot.Knowledge.Responses;

/// <summary>
/// The shipped <c>knowledge/responses/*.yml</c>, compiled into the engine, so a knowledge folder without a catalogue
/// (or with a broken one, which is reported and, on a reload, not applied) still speaks in whole sentences.
/// </summary>
internal static class BuiltInResponses
{
    private static readonly Dictionary<string, Lazy<IReadOnlyDictionary<string, ResponseTemplate>>> Catalogues =
        ResponseSchemas.All.ToDictionary(s => s.Name, s => new Lazy<IReadOnlyDictionary<string, ResponseTemplate>>(() => Parse(s)), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, ResponseTemplate> Load(ResponseSchema schema) => Catalogues[schema.Name].Value;

    private static Dictionary<string, ResponseTemplate> Parse(ResponseSchema schema)
    {
        var name = $"SupportBot.BuiltInResponses.{schema.Name}.yml";
        using var stream = typeof(BuiltInResponses).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        var diagnostics = new DiagnosticBag();
        var texts = ResponseFileParser.Parse(reader.ReadToEnd(), $"(built-in {schema.Name} responses)", schema, isDefault: true, diagnostics);
        return diagnostics.HasErrors
            ? throw new InvalidOperationException($"the built-in {schema.Name} responses are invalid: " + string.Join("; ", diagnostics.Items))
            : texts;
    }
}
