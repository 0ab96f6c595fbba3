using System.Text.RegularExpressions;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Architecture;

/// <summary>
/// The capability folders form layers: a folder may use the ones below it, never one that uses it back. A cycle
/// means no folder in it can be read, tested or changed without the others, so one is reported with its folders and a
/// file behind each of its edges. Folder A uses folder B when a file in A names B's namespace: a using directive, a
/// fully qualified name, or a name qualified from the shared root (<c>Handoff.FrustrationLexicon</c> inside
/// <c>SupportBot.Knowledge</c>).
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed partial class CapabilityCycleTests
{
    [Fact]
    public void TheEngineFolders_FormNoCycle()
    {
        // Lowest first; a folder uses only folders on lines above it:
        // Configuration, Schema, Telemetry; Replies, Storage; Embeddings; Knowledge; Understanding, Languages; Orders;
        // Drafting, Privacy, Feedback; Evaluation, Handoff; Conversation (docs/ARCHITECTURE.md, "Layers").
        AssertNoCycle("SupportBot.Engine", "SupportBot", moreFoldersThan: 10);
    }

    [Fact]
    public void TheHostFolders_FormNoCycle()
    {
        // Lowest first; a folder uses only folders on lines above it:
        // Limits, Reports, Security, Views; Branding, BotConnector, DirectLine, Evaluation; Agents;
        // Knowledge, Observability, Privacy; Server; Cli (docs/ARCHITECTURE.md, "Layers").
        AssertNoCycle("SupportBot.Host", "SupportBot.Host", moreFoldersThan: 10);
    }

    [Fact]
    public void ACycle_IsFound_WithAFileForEachEdge()
    {
        // The check itself, on a graph small enough to see: Knowledge and Understanding use each other, Schema is below both.
        var graph = new FolderGraph(["Knowledge", "Schema", "Understanding"]);
        graph.Add("Knowledge", "Understanding", "Knowledge/KnowledgeLoader.cs");
        graph.Add("Understanding", "Knowledge", "Understanding/LiveIntents.cs");
        graph.Add("Understanding", "Schema", "Understanding/Entity.cs");

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal<string>(["Knowledge", "Understanding"], cycle);
        Assert.Equal(
            "Knowledge, Understanding: Knowledge → Understanding (Knowledge/KnowledgeLoader.cs); Understanding → Knowledge (Understanding/LiveIntents.cs)",
            graph.Describe(cycle));
    }

    [Fact]
    public void ANameQualifiedFromTheRoot_CountsAsAUse()
    {
        var declared = new Dictionary<string, IReadOnlySet<string>>
        {
            ["Handoff"] = new HashSet<string>(["FrustrationLexicon"]),
            ["Understanding"] = new HashSet<string>(["IntentDefinition"]),
        };

        Assert.Equal<string>(["Handoff", "Understanding"], FolderGraph.FoldersNamed(
            "IReadOnlyList<Understanding.Intents.IntentDefinition> Intents, Handoff.FrustrationLexicon Frustration", "SupportBot", declared).Order());
        Assert.Equal<string>(["Handoff"], FolderGraph.FoldersNamed("using SupportBot.Handoff;", "SupportBot", declared));
        Assert.Empty(FolderGraph.FoldersNamed("var words = texts.Handoff.FrustrationLexicon; // SupportBot.Decision", "SupportBot", declared));
    }

    /// <param name="moreFoldersThan">Fewer folders found means the sources were not read, and no cycle would prove nothing.</param>
    private static void AssertNoCycle(string project, string rootNamespace, int moreFoldersThan)
    {
        var graph = FolderGraph.Read(Path.Combine(RepoPaths.Root, "src", project), rootNamespace);

        var cycles = graph.Cycles().Select(graph.Describe).ToList();

        Assert.True(graph.Folders.Count > moreFoldersThan, $"only {graph.Folders.Count} folders found in {project}");
        Assert.True(cycles.Count == 0, $"{project} folders that use each other:{Environment.NewLine}{string.Join(Environment.NewLine, cycles)}");
    }

    /// <summary>Capability folders and, for each use of one by another, the first file (in path order) that makes it.</summary>
    internal sealed partial class FolderGraph(IEnumerable<string> folders)
    {
        private readonly SortedDictionary<string, SortedDictionary<string, string>> edges = new(folders.ToDictionary(f => f, _ => new SortedDictionary<string, string>(StringComparer.Ordinal)), StringComparer.Ordinal);

        public IReadOnlyCollection<string> Folders => edges.Keys;

        public static FolderGraph Read(string projectFolder, string rootNamespace)
        {
            // Files at the project's root (Program.cs) belong to no capability; only folders take part.
            var sources = Directory.GetDirectories(projectFolder).Select(Path.GetFileName).OfType<string>()
                .Where(f => f is not ("bin" or "obj"))
                .ToDictionary(f => f, f => SourcesIn(Path.Combine(projectFolder, f)), StringComparer.Ordinal);
            var declared = sources.ToDictionary(s => s.Key, s => (IReadOnlySet<string>)s.Value.SelectMany(f => TypeDeclaration().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            var graph = new FolderGraph(sources.Keys);
            foreach (var (folder, files) in sources)
            {
                foreach (var file in files)
                {
                    foreach (var used in FoldersNamed(File.ReadAllText(file), rootNamespace, declared).Where(u => u != folder))
                    {
                        graph.Add(folder, used, Path.GetRelativePath(projectFolder, file).Replace('\\', '/'));
                    }
                }
            }

            return graph;
        }

        /// <summary>C# files and Razor components (their <c>@using</c> lines name folders too).</summary>
        private static List<string> SourcesIn(string folder) => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        /// <summary>The folders whose namespace the text names, fully (<c>SupportBot.Handoff</c>) or from the root (<c>Handoff.HandoffStanding</c>).</summary>
        public static IEnumerable<string> FoldersNamed(string source, string rootNamespace, IReadOnlyDictionary<string, IReadOnlySet<string>> declared)
        {
            var full = new Regex(@"\b" + Regex.Escape(rootNamespace) + @"\.(?<folder>\w+)\b");
            var named = full.Matches(source).Select(m => m.Groups["folder"].Value).Where(declared.ContainsKey);

            // A member access (texts.Handoff.X) is not a namespace: the name must start the expression.
            var fromRoot = FromRoot().Matches(source)
                .Where(m => declared.TryGetValue(m.Groups["folder"].Value, out var types) && m.Groups["part"].Captures.Any(p => types.Contains(p.Value)))
                .Select(m => m.Groups["folder"].Value);
            return named.Concat(fromRoot).Distinct(StringComparer.Ordinal).ToList();
        }

        public void Add(string from, string to, string file) => edges[from].TryAdd(to, file);

        /// <summary>The strongly connected components with more than one folder, each in name order.</summary>
        public IEnumerable<IReadOnlyList<string>> Cycles()
        {
            var reach = edges.Keys.ToDictionary(f => f, Reachable, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var folder in edges.Keys.Where(f => !seen.Contains(f)))
            {
                var component = edges.Keys.Where(other => other == folder || (reach[folder].Contains(other) && reach[other].Contains(folder))).ToList();
                seen.UnionWith(component);
                if (component.Count > 1)
                {
                    yield return component;
                }
            }
        }

        public string Describe(IReadOnlyList<string> cycle)
        {
            var inside = cycle.SelectMany(from => edges[from].Where(e => cycle.Contains(e.Key)).Select(e => $"{from} → {e.Key} ({e.Value})"));
            return $"{string.Join(", ", cycle)}: {string.Join("; ", inside)}";
        }

        private HashSet<string> Reachable(string start)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>([start]);
            while (pending.TryPop(out var folder))
            {
                foreach (var next in edges[folder].Keys.Where(found.Add))
                {
                    pending.Push(next);
                }
            }

            return found;
        }

        [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+(?<name>[A-Z]\w*)")]
        private static partial Regex TypeDeclaration();

        [GeneratedRegex(@"(?<![\w.])(?<folder>[A-Z]\w*)(?:\.(?<part>[A-Z]\w*))+")]
        private static partial Regex FromRoot();
    }
}
