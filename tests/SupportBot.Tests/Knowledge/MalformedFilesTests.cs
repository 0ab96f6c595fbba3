using System.Text;
using SupportBot.Knowledge;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

/// <summary>A corpus of broken files: each must become a located error, never an exception, and never hide the good files.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class MalformedFilesTests
{
    public static TheoryData<string, byte[], string> Corpus()
    {
        var valid = new FaqFile(Id: "broken").ToString();
        var random = new Random(42);
        var junk = new byte[4096];
        random.NextBytes(junk);
        var latin1 = Encoding.Latin1.GetBytes(valid.Replace("You test them", "Vous testez à la main", StringComparison.Ordinal));
        return new TheoryData<string, byte[], string>
        {
            { "empty file", [], "missing front matter" },
            { "only a fence", "---\n"u8.ToArray(), "front matter is not closed" },
            { "truncated front matter", Encoding.UTF8.GetBytes(valid[..(valid.IndexOf("questions", StringComparison.Ordinal) + 14)]), "front matter is not closed" },
            { "binary junk", junk, "NUL bytes" },
            { "not UTF-8", latin1, "not valid UTF-8" },
            { "one megabyte line", Encoding.UTF8.GetBytes(valid + new string('x', 1024 * 1024)), "knowledge files are limited to" },
            { "front matter is a list", "---\n- a\n- b\n---\nAnswer\n"u8.ToArray(), "must be a YAML map" },
            { "tab-indented YAML", "---\nid: x\ntitle: T\nquestions:\n\t- a\n---\nAnswer\n"u8.ToArray(), "invalid YAML" },
            { "questions as a map", "---\nid: x\ntitle: T\nquestions:\n  a: b\n---\nAnswer\n"u8.ToArray(), "'questions' must be a list" },
            { "title as a list", "---\nid: x\ntitle: [a, b]\n---\nAnswer\n"u8.ToArray(), "'title' must be a single value" },
            { "duplicate key", "---\nid: x\nid: y\ntitle: T\n---\nAnswer\n"u8.ToArray(), "invalid YAML" },
            { "unclosed quote", "---\nid: \"x\ntitle: T\n---\nAnswer\n"u8.ToArray(), "invalid YAML" },
            { "huge anchor alias", Encoding.UTF8.GetBytes("---\nid: x\ntitle: &a T\nquestions: [*a, *a, *b]\n---\nAnswer\n"), "invalid YAML" },
        };
    }

    // Enumerated when it runs, not at discovery: every `dotnet test`, whatever its filter, would otherwise carry the
    // megabyte case through discovery (about 20 s of each run on a 2-core machine).
    [Theory]
    [MemberData(nameof(Corpus), DisableDiscoveryEnumeration = true)]
    public void Load_MalformedFile_ReportsLocatedErrorAndKeepsGoodEntries(string description, byte[] content, string expected)
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/good.md", new FaqFile(Id: "good", Title: "Good?", Questions: ["G1?", "G2?", "G3?"]).ToString());
        folder.WriteBytes("faq/bad.md", content);

        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(folder.Path);

        Assert.True(knowledge.HasErrors, description);
        Assert.Contains(knowledge.Errors, e => e.Path.EndsWith("bad.md", StringComparison.Ordinal) && e.Line >= 1 && e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Contains(knowledge.Entries, e => e.Id == "good");
    }

    [Fact]
    public void Load_BomAndCrLf_AreAccepted()
    {
        using var folder = TempFolder.Create();
        var text = new FaqFile().ToString().Replace("\n", "\r\n", StringComparison.Ordinal);
        folder.WriteBytes("faq/a.md", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);

        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(folder.Path);

        Assert.Empty(knowledge.Diagnostics);
        Assert.Equal("You test them **carefully**.", Assert.Single(knowledge.Entries).AnswerMarkdown);
    }

    [Fact]
    public void Load_MissingFolder_IsAnErrorNotAnException()
    {
        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(Path.Combine(Path.GetTempPath(), "no-such-knowledge-" + Guid.NewGuid()));

        Assert.Equal("knowledge folder does not exist", Assert.Single(knowledge.Errors).Message);
        Assert.Empty(knowledge.Entries);
    }
}
