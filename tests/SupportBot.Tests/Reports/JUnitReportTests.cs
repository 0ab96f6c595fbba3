using System.Xml.Linq;
using SupportBot.Evaluation.Conversations;
using SupportBot.Host.Reports;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Reports;

/// <summary>The JUnit XML CI servers read: counts they total, one failure or error per case, the story in its text.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class JUnitReportTests
{
    [Fact]
    public void Write_SampleRun_IsXmlWithTheRunsCounts()
    {
        var xml = JUnitReport.Write(SampleConversationRun.Create());

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml);
        var root = XDocument.Parse(xml).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal("supportbot eval conversations", (string?)root.Attribute("name"));
        Assert.Equal(6, (int)root.Attribute("tests")!);
        Assert.Equal(2, (int)root.Attribute("failures")!);
        Assert.Equal(2, (int)root.Attribute("errors")!);
        Assert.Equal(1.55, (double)root.Attribute("time")!, 3);
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal([SampleConversationRun.Orders, SampleConversationRun.Returns, JUnitReport.UnreadableSuite], suites.Select(s => (string)s.Attribute("name")!));
        Assert.Equal([2, 3, 1], suites.Select(s => (int)s.Attribute("tests")!));
        Assert.Equal([1, 1, 0], suites.Select(s => (int)s.Attribute("failures")!));
        Assert.Equal([0, 1, 1], suites.Select(s => (int)s.Attribute("errors")!));
    }

    [Fact]
    public void Write_Testcase_HasNameClassnameAndSummedFirstResponseTime()
    {
        var late = Case(JUnitReport.Write(SampleConversationRun.Create()), "late parcel");

        Assert.Equal("eval.conversations.orders", (string?)late.Attribute("classname"));
        Assert.Equal("0.5", (string?)late.Attribute("time"));
    }

    [Fact]
    public void Write_FailedConversation_NamesTurnAndLineAndCarriesExpectedActualAndDiff()
    {
        var failure = Case(JUnitReport.Write(SampleConversationRun.Create()), "late parcel").Element("failure")!;

        Assert.Equal("turn 2 (line 14): reply text", (string?)failure.Attribute("message"));
        Assert.Equal("assertion", (string?)failure.Attribute("type"));
        var text = failure.Value;
        Assert.Contains("turn 2 (line 14): <script>alert('x')</script> my parcel is late", text);
        Assert.Contains("reply text: expected Your order ships today / actual Your order shipped yesterday", text);
        Assert.Contains("diff: Your order [-ships today-]{+shipped yesterday+}", text);
        Assert.Contains("intent: expected missing_package / actual order_status", text);
        Assert.DoesNotContain("turn 1 (line 10)", text);
    }

    [Fact]
    public void Write_FlakyConversation_IsAFailureOfTypeFlaky()
    {
        var flaky = Case(JUnitReport.Write(SampleConversationRun.Create()), "returns window");

        var failure = Assert.Single(flaky.Elements("failure"));
        Assert.Equal("flaky", (string?)failure.Attribute("type"));
        Assert.Equal("flaky: passed 3 of 5 runs", (string?)failure.Attribute("message"));
        // The control character in the shopper's text cannot travel in XML 1.0; it is replaced, not allowed to break the file.
        Assert.Contains("can I return shoes\uFFFD after 40 days", failure.Value);
        Assert.Empty(flaky.Elements("error"));
    }

    [Fact]
    public void Write_ErrorConversation_IsAnErrorWithItsFirstLineAsMessage()
    {
        var error = Case(JUnitReport.Write(SampleConversationRun.Create()), "broken flow").Element("error")!;

        Assert.Equal("step 'confirm' is not in flow 'returns'", (string?)error.Attribute("message"));
        Assert.Contains("while driving line 22", error.Value);
    }

    [Fact]
    public void Write_UnreadableFile_IsAnErrorTestcaseInItsOwnSuite()
    {
        var root = XDocument.Parse(JUnitReport.Write(SampleConversationRun.Create())).Root!;

        var suite = root.Elements("testsuite").Single(s => (string?)s.Attribute("name") == JUnitReport.UnreadableSuite);
        var error = Assert.Single(suite.Elements("testcase")).Element("error")!;
        Assert.Equal("eval/conversations/bad.chat:7: unknown directive '> wat'", (string?)error.Attribute("message"));
    }

    [Fact]
    public void Write_FirstSuite_CarriesTheMetricsAsProperties()
    {
        var root = XDocument.Parse(JUnitReport.Write(SampleConversationRun.Create())).Root!;

        var properties = root.Elements("testsuite").First().Element("properties")!.Elements("property")
            .ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);
        Assert.Equal("0.6667", properties["turn_pass_rate"]);
        Assert.Equal("0.4", properties["containment_assumed"]);
        Assert.Equal("640", properties["first_response_p99_ms"]);
        Assert.Equal("local engine, knowledge/", properties["target"]);
        // Null means the scripts named no intent: left out rather than written as a zero.
        Assert.False(properties.ContainsKey("intent_accuracy"));
    }

    [Fact]
    public void Write_EmptyRun_IsValidXmlWithZeroTests()
    {
        var empty = SampleConversationRun.Create() with { Conversations = [], Problems = [] };

        var root = XDocument.Parse(JUnitReport.Write(empty)).Root!;

        Assert.Equal(0, (int)root.Attribute("tests")!);
        Assert.Empty(root.Elements());
    }

    private static XElement Case(string xml, string name) =>
        XDocument.Parse(xml).Descendants("testcase").Single(c => (string?)c.Attribute("name") == name);
}
