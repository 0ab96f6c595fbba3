namespace SupportBot.Knowledge.Responses;

/// <summary>
/// The keys one catalogue file must and may hold and the placeholders each may use: the contract between the code
/// that says a sentence and the editor who words it. <c>knowledge validate</c> checks every file against it, so a
/// typo in a key or a placeholder is a <c>file:line</c> message, not a strange reply.
/// </summary>
/// <param name="Name">The catalogue's file name without extension and locale: <c>orders</c> for <c>responses/orders.yml</c> and <c>responses/orders.fr.yml</c>.</param>
/// <param name="Keys">Each key (dotted path in the YAML, e.g. <c>verify.ask_number</c>) and the placeholders it may use.</param>
internal sealed record ResponseSchema(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> Keys)
{
    /// <summary>Keys a file may leave out without a word from <c>knowledge validate</c>: the code has another source for them.</summary>
    public IReadOnlySet<string> Optional { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>A schema from <c>("key", ["placeholder", …])</c> pairs.</summary>
    public static ResponseSchema Of(string name, params (string Key, string[] Placeholders)[] keys) =>
        new(name, keys.ToDictionary(k => k.Key, k => (IReadOnlyList<string>)k.Placeholders, StringComparer.Ordinal));
}

/// <summary>Every catalogue the product reads; a capability that moves its wording into <c>knowledge/responses/</c> adds its schema here.</summary>
internal static class ResponseSchemas
{
    public static IReadOnlyList<ResponseSchema> All { get; } = [OrderTexts.Schema, ConversationTexts.Schema, HandoffTexts.Schema, PageTexts.Schema];
}
