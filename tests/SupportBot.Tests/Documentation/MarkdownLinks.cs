using System.Text.RegularExpressions;

namespace SupportBot.Tests.Documentation;

/// <summary>
/// Reads Markdown the way GitHub renders it, as far as links go: fenced code and code spans are not links, a link may
/// be an image, and an anchor is the heading's text lower-cased, without punctuation, spaces as hyphens.
/// </summary>
internal static partial class MarkdownLinks
{
    /// <summary>Build output, fetched packages and run-time data hold Markdown nobody here wrote.</summary>
    private static readonly HashSet<string> NotOurs = ["bin", "obj", "node_modules", "lib", "data", "artifacts", "TestResults"];

    /// <summary>The documentation: every README.md of the tree and everything under docs/ (FAQ entries are Markdown too, but content).</summary>
    public static IEnumerable<string> DocumentsUnder(string root) =>
        Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar))
            .Where(parts => !parts[..^1].Any(IsNotOurs) && (parts[^1] == "README.md" || parts[0] == "docs"))
            .Select(parts => Path.Combine([root, .. parts]))
            .Order(StringComparer.Ordinal);

    /// <summary>Each relative link or image that does not resolve, as written, with the reason.</summary>
    public static IReadOnlyList<string> BrokenLinks(string document)
    {
        var broken = new List<string>();
        var folder = Path.GetDirectoryName(document)!;
        foreach (var target in LinkTargets(File.ReadAllText(document)))
        {
            var (path, anchor) = SplitAnchor(target);
            var file = path.Length == 0 ? document : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(path)));
            if (!File.Exists(file) && !Directory.Exists(file))
            {
                broken.Add(target + " (no such file)");
            }
            else if (anchor is not null && file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !Anchors(File.ReadAllText(file)).Contains(anchor))
            {
                broken.Add(target + " (no such heading)");
            }
        }

        return broken;
    }

    /// <summary>Documents named in capitals (<c>DESIGN.md</c>) that are neither beside this one, at the root, nor in docs/.</summary>
    public static IReadOnlyList<string> MissingNamedDocuments(string document, string root)
    {
        var places = new[] { Path.GetDirectoryName(document)!, root, Path.Combine(root, "docs") };
        return [.. NamedDocument().Matches(WithoutFencedCode(File.ReadAllText(document)))
            .Select(m => m.Groups["name"].Value)
            .Distinct(StringComparer.Ordinal)
            .Where(name => !places.Any(place => File.Exists(Path.Combine(place, name))))
            .Order(StringComparer.Ordinal)];
    }

    public static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(WithoutFencedCode(markdown)))
        {
            var slug = Slug(heading.Groups["text"].Value);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : slug + "-" + count);
        }

        return anchors;
    }

    private static bool IsNotOurs(string folder) => folder.StartsWith('.') || NotOurs.Contains(folder);

    private static IEnumerable<string> LinkTargets(string markdown) =>
        Link().Matches(CodeSpan().Replace(WithoutFencedCode(markdown), ""))
            .Select(m => m.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("//", StringComparison.Ordinal)
                && !target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase));

    private static (string Path, string? Anchor) SplitAnchor(string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
    }

    /// <summary>GitHub's rule: the heading's text (a link counts by its words), lower-cased, only letters, digits, '_', '-' and spaces kept, spaces as '-'.</summary>
    private static string Slug(string heading)
    {
        var text = HeadingLink().Replace(heading, "${words}").ToLowerInvariant();
        return NotInSlug().Replace(text, "").Replace(' ', '-');
    }

    private static string WithoutFencedCode(string markdown)
    {
        var kept = new List<string>();
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }

            kept.Add(inFence ? "" : line);
        }

        return string.Join('\n', kept);
    }

    [GeneratedRegex(@"^ {0,3}(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"(`+)[^`].*?\1")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?(?<target>[^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)[ \t#]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[(?<words>[^\]]*)\]\([^)]*\)")]
    private static partial Regex HeadingLink();

    [GeneratedRegex(@"[^\p{L}\p{M}\p{N}\p{Pc}\- ]")]
    private static partial Regex NotInSlug();

    [GeneratedRegex(@"(?<![\w.-])(?<name>[A-Z][A-Z0-9_-]*\.md)\b")]
    private static partial Regex NamedDocument();
}
