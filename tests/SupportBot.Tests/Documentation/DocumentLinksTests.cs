using SupportBot.Tests.Support;

namespace SupportBot.Tests.Documentation;

/// <summary>
/// The README and the documents it leads to are how a newcomer finds their way: every relative link and image must
/// reach a file of the checkout, every <c>#anchor</c> a heading of its document, and every document named in capitals
/// (<c>ARCHITECTURE.md</c>) must be in the repository, not in someone's notes.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class DocumentLinksTests
{
    public static TheoryData<string> Documents => [.. RelativeDocuments()];

    [Fact]
    public void TheReadmeAndEveryDocumentOfDocs_AreChecked()
    {
        var documents = RelativeDocuments().ToHashSet();

        Assert.Contains("README.md", documents);
        foreach (var name in new[] { "ARCHITECTURE", "EDITORS", "EVALUATION", "OPERATIONS", "PERFORMANCE", "SECURITY" })
        {
            Assert.Contains(Path.Combine("docs", name + ".md"), documents);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryRelativeLinkAndAnchor_Resolves(string document)
    {
        var broken = MarkdownLinks.BrokenLinks(Path.Combine(RepoPaths.Root, document));

        Assert.True(broken.Count == 0, document + ":\n" + string.Join("\n", broken));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryDocumentNamedInCapitals_IsInTheRepository(string document)
    {
        var missing = MarkdownLinks.MissingNamedDocuments(Path.Combine(RepoPaths.Root, document), RepoPaths.Root);

        Assert.True(missing.Count == 0, document + " names documents that are not in the repository: " + string.Join(", ", missing));
    }

    [Fact]
    public void AMissingFile_AMissingAnchorAndAnAbsentDesignDocument_AreReported()
    {
        using var folder = TempFolder.Create();
        File.WriteAllText(Path.Combine(folder.Path, "GUIDE.md"), "# Guide\n\n## How it works\n");
        var readme = Path.Combine(folder.Path, "README.md");
        File.WriteAllText(readme, """
            # Read me

            See [the guide](GUIDE.md#how-it-works), [its start](GUIDE.md#how-it-starts), [setup](SETUP.md),
            ![a picture](images/shot.png) and [up here](#read-me). The plan is in DESIGN.md.

            ```
            [not a link](NOWHERE.md) inside a code block
            ```
            """);

        var broken = MarkdownLinks.BrokenLinks(readme);
        var missing = MarkdownLinks.MissingNamedDocuments(readme, folder.Path);

        Assert.Equal(["GUIDE.md#how-it-starts (no such heading)", "SETUP.md (no such file)", "images/shot.png (no such file)"], broken);
        Assert.Equal(["DESIGN.md", "SETUP.md"], missing);
    }

    private static IEnumerable<string> RelativeDocuments() =>
        MarkdownLinks.DocumentsUnder(RepoPaths.Root).Select(document => Path.GetRelativePath(RepoPaths.Root, document));
}
