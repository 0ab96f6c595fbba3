namespace SupportBot.Knowledge;

/// <summary>How serious a problem found in a knowledge file is.</summary>
internal enum DiagnosticSeverity
{
    /// <summary>The file or entry is not used; validation fails.</summary>
    Error,

    /// <summary>The entry is used, but an editor should look at it.</summary>
    Warning,
}

/// <summary>One problem in a knowledge file, located by path and 1-based line.</summary>
internal sealed record KnowledgeDiagnostic(string Path, int Line, DiagnosticSeverity Severity, string Message)
{
    /// <summary>The <c>path:line: message</c> form editors' tools and CI understand.</summary>
    public override string ToString() => Severity == DiagnosticSeverity.Error
        ? $"{Path}:{Line}: {Message}"
        : $"{Path}:{Line}: warning: {Message}";
}

/// <summary>Collects diagnostics for one load of the knowledge folder.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<KnowledgeDiagnostic> _items = [];

    public IReadOnlyList<KnowledgeDiagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(string path, int line, string message) =>
        _items.Add(new KnowledgeDiagnostic(path, Math.Max(1, line), DiagnosticSeverity.Error, message));

    public void Warning(string path, int line, string message) =>
        _items.Add(new KnowledgeDiagnostic(path, Math.Max(1, line), DiagnosticSeverity.Warning, message));

    public int ErrorCountFor(string path) =>
        _items.Count(d => d.Severity == DiagnosticSeverity.Error && d.Path == path);
}
