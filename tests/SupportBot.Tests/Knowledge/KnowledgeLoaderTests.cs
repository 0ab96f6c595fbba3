using SupportBot.Knowledge;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class KnowledgeLoaderTests
{
    private static KnowledgeBase Load(TempFolder folder) => new KnowledgeLoader(new KnowledgeOptions()).Load(folder.Path);

    private static string[] Errors(KnowledgeBase knowledge) =>
        knowledge.Errors.Select(d => $"{Path.GetFileName(d.Path)}:{d.Line}: {d.Message}").ToArray();

    [Fact]
    public void Load_ValidEntry_ReadsEveryField()
    {
        using var folder = TempFolder.Create();
        folder.Write("policies.yml", "returns:\n  window_days: 30\n");
        folder.Write("faq/returns/a.md", new FaqFile(Id: "a", Related: "[b]", Answer: "Within **{{returns.window_days}} days**.", Extra: "link: https://example.com/returns").ToString());
        folder.Write("faq/returns/b.md", new FaqFile(Id: "b", Title: "Other?", Questions: ["One?", "Two?", "Three?"]).ToString());

        var knowledge = Load(folder);

        Assert.Empty(knowledge.Diagnostics);
        var entry = Assert.Single(knowledge.Entries, e => e.Id == "a");
        Assert.Equal("How do I test things?", entry.Title);
        Assert.Equal(["Can I try it out?", "Is there a way to check it?", "What checks are there?"], entry.Questions.Select(q => q.Text));
        Assert.Equal(5, entry.Questions[0].Line);
        Assert.Equal(["testing"], entry.Tags);
        Assert.Equal("returns", entry.Topic);
        Assert.Equal("en-US", entry.Locale);
        Assert.Equal(["b"], entry.Related.Select(r => r.Text));
        Assert.Equal("https://example.com/returns", entry.Link);
        Assert.Equal("Within **30 days**.", entry.AnswerMarkdown);
        Assert.Equal("Within 30 days.", entry.AnswerText);
        Assert.Equal(2, entry.Source.Line);
    }

    [Fact]
    public void Load_MissingIdTitleAndAnswer_ReportsEachAtItsLine()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/x.md", "---\nquestions:\n  - Where?\n---\n\n");

        Assert.Equal(
            [
                "x.md:1: missing 'id' (a short name such as 'return-window')",
                "x.md:1: missing 'title' (the question this entry answers)",
                "x.md:4: missing answer: write it below the closing '---'",
            ],
            Errors(Load(folder)));
    }

    [Fact]
    public void Load_BadYaml_ReportsTheLineInTheFile()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/x.md", "---\nid: x\ntitle: T\nquestions: [a, b\n---\nAnswer.\n");

        var error = Assert.Single(Load(folder).Errors);
        Assert.StartsWith("invalid YAML:", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 4, 5);
    }

    [Fact]
    public void Load_DuplicateId_PointsAtTheFirstUse()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile(Id: "same", Title: "First?", Questions: ["1?", "2?", "3?"]).ToString());
        folder.Write("faq/b.md", new FaqFile(Id: "same", Title: "Second?", Questions: ["4?", "5?", "6?"]).ToString());

        var knowledge = Load(folder);

        var error = Assert.Single(knowledge.Errors);
        Assert.EndsWith("b.md", error.Path, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Matches(@"^duplicate id 'same' \(first used at .*a\.md:2\)$", error.Message);
        Assert.Single(knowledge.Entries);
    }

    [Fact]
    public void Load_SamePhrasingInTwoEntries_IgnoresCaseAndPunctuation()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile(Id: "a", Title: "Where is my parcel?", Questions: ["1?", "2?", "3?"]).ToString());
        folder.Write("faq/b.md", new FaqFile(Id: "b", Title: "B?", Questions: ["4?", "where is  my PARCEL", "6?"]).ToString());

        var error = Assert.Single(Load(folder).Errors);
        Assert.Equal(6, error.Line);
        Assert.Matches("^the phrasing \"where is  my PARCEL\" is also used by 'a' \\(.*a\\.md:3\\); a question must lead to one answer$", error.Message);
    }

    [Fact]
    public void Load_RelatedEntryMissing_ReportsTheItemLine()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile(Id: "a", Related: "\n  - nowhere").ToString());

        Assert.Equal(["a.md:11: related entry 'nowhere' does not exist"], Errors(Load(folder)));
    }

    [Fact]
    public void Load_UnknownLocaleAndBadId_AreErrors()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile(Id: "Bad Id").ToString().Replace("locale: en-US", "locale: xx-NOPE", StringComparison.Ordinal));

        Assert.Equal(
            [
                "a.md:2: id 'Bad Id' must be lowercase letters, digits and single dashes, e.g. 'return-window'",
                "a.md:9: unknown locale 'xx-NOPE' (use a language tag such as en-US)",
            ],
            Errors(Load(folder)));
    }

    [Fact]
    public void Load_UnknownPolicyPlaceholder_ReportsItsLineInTheAnswer()
    {
        using var folder = TempFolder.Create();
        folder.Write("policies.yml", "returns:\n  window_days: 30\n");
        folder.Write("faq/a.md", new FaqFile(Answer: "First line.\n\nWithin {{returns.window_weeks}} weeks.").ToString());

        Assert.Equal(["a.md:13: unknown policy 'returns.window_weeks' in '{{returns.window_weeks}}' (see policies.yml)"], Errors(Load(folder)));
    }

    [Fact]
    public void Load_LongAnswerWithoutSummary_IsAWarningAtTheId()
    {
        using var folder = TempFolder.Create();
        var answer = string.Join(' ', Enumerable.Repeat("Returns are free for members.", 23));
        folder.Write("faq/a.md", new FaqFile(Answer: answer).ToString());

        var knowledge = Load(folder);

        Assert.False(knowledge.HasErrors);
        var warning = Assert.Single(knowledge.Diagnostics);
        Assert.Matches(@"a\.md:2: warning: the answer is 115 words long \(more than 110\) and has no 'summary:'", warning.ToString());
    }

    [Fact]
    public void Load_LongAnswerWithSummary_HasNoWarning_AndTheSummaryIsKept()
    {
        using var folder = TempFolder.Create();
        var answer = string.Join(' ', Enumerable.Repeat("Returns are free for members.", 23));
        folder.Write("faq/a.md", new FaqFile(Answer: answer, Extra: "summary: Returns are free for members.").ToString());

        var knowledge = Load(folder);

        Assert.Empty(knowledge.Diagnostics);
        Assert.Equal("Returns are free for members.", Assert.Single(knowledge.Entries).Summary);
    }

    [Fact]
    public void Load_SummaryWithANumberTheAnswerNeverStates_IsAnErrorAtTheSummary()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile(Answer: "Returns are accepted within 30 days.", Extra: "summary: Returns are accepted within 60 days.").ToString());

        var knowledge = Load(folder);

        var error = Assert.Single(knowledge.Errors);
        Assert.EndsWith(":10: the summary says '60' but the answer never does; a summary may only say what the answer says", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SummaryThatDropsTheAnswersNegation_IsAWarningAtTheSummary()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile(Answer: "We don't sell your personal information. We share it with carriers.",
            Extra: "summary: We sell your personal information to carriers.").ToString());

        var knowledge = Load(folder);

        Assert.False(knowledge.HasErrors);
        var warning = Assert.Single(knowledge.Diagnostics);
        Assert.Contains(":10: warning: the summary repeats \"We don't sell your personal information.\" without its negation", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownField_IsAWarningAndTheEntryLoads()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile(Extra: "colour: blue").ToString());

        var knowledge = Load(folder);

        Assert.False(knowledge.HasErrors);
        Assert.Single(knowledge.Entries);
        var warning = Assert.Single(knowledge.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(10, warning.Line);
        Assert.EndsWith(":10: warning: unknown field 'colour' is ignored (known: id, title, questions, tags, locale, topic, intent, related, link, summary, handoff_on_request, draft)", warning.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("handoff_on_request: data_deletion_request", null)]
    [InlineData("handoff_on_request: Delete It", ":10: handoff_on_request 'Delete It' must be a reason in lowercase words joined by '_', e.g. 'data_deletion_request'")]
    public void Load_HandoffOnRequest_IsAReasonName(string field, string? error)
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile(Extra: field).ToString());

        var knowledge = Load(folder);

        if (error is null)
        {
            Assert.Equal("data_deletion_request", Assert.Single(knowledge.Entries).HandoffOnRequest);
        }
        else
        {
            Assert.EndsWith(error, Assert.Single(knowledge.Errors).ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_Synonyms_ReadsGroupsAndReportsBadLines()
    {
        using var folder = TempFolder.Create();
        folder.Write("synonyms.txt", "# comment\nparcel, package , Shipment\n\nlonely\nmoney back => refund\n");

        var knowledge = Load(folder);

        Assert.Equal(["synonyms.txt:4: a synonym group needs at least two words or phrases separated by commas"], Errors(knowledge));
        Assert.Equal(2, knowledge.Synonyms.Count);
        Assert.Equal(["parcel", "package", "shipment"], knowledge.Synonyms[0].Phrases);
        Assert.Equal(["refund"], knowledge.Synonyms[1].Targets!);
    }

    [Fact]
    public void Load_SynonymPhraseWithAStopWord_IsAWarning()
    {
        using var folder = TempFolder.Create();
        folder.Write("synonyms.txt", "login, sign in, logon\n");

        var warning = Assert.Single(Load(folder).Diagnostics, d => d.Path.EndsWith("synonyms.txt", StringComparison.Ordinal));

        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(1, warning.Line);
        Assert.StartsWith("'sign in' is ignored: words such as", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Policies_FlattensToDottedPaths()
    {
        using var folder = TempFolder.Create();
        folder.Write("policies.yml", "shipping:\n  options:\n    - name: Standard\n      cost_usd: 5.95\n  free_over_usd: 75\n");

        var policies = Load(folder).Policies;

        Assert.Equal("Standard", policies.GetText("shipping.options.0.name"));
        Assert.Equal(5.95m, policies.GetNumber("shipping.options.0.cost_usd"));
        Assert.Equal(75m, policies.GetNumber("shipping.free_over_usd"));
        Assert.True(policies.TryGet("shipping.free_over_usd", out var fact));
        Assert.Equal(5, fact.Source.Line);
    }
}
