namespace SupportBot.Tests.Support;

/// <summary>
/// The values of the <c>Category</c> trait that every test class carries, so that <c>--filter Category=Unit</c>
/// means the same thing everywhere (docs/TESTING.md); <c>Architecture/TestCategoryTests</c> refuses any other.
/// </summary>
internal static class TestCategories
{
    public const string Key = "Category";

    /// <summary>In process, classes built by the test: no host, no network, no database server (a temp SQLite file is fine).</summary>
    public const string Unit = "Unit";

    /// <summary>
    /// The product wired as it runs: its host (with or without Kestrel), PostgreSQL, other processes, the CLI, loopback
    /// HTTP servers; and the real models at work on the shipped data (the intent model trained, the packaged embedding
    /// model run over the knowledge), which take too long for the unit run.
    /// </summary>
    public const string Integration = "Integration";

    /// <summary>Real pages in headless Chromium driven by Playwright.</summary>
    public const string Browser = "Browser";

    /// <summary>Attacks sent as a stranger would send them.</summary>
    public const string Security = "Security";

    /// <summary>Evaluation suites and the quality bars the shipped model and knowledge must meet.</summary>
    public const string Eval = "Eval";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Unit, Integration, Browser, Security, Eval };
}
