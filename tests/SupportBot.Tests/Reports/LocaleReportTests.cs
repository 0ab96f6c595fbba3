using System.Xml.Linq;
using SupportBot.Evaluation.Conversations;
using SupportBot.Host.Reports;
using SupportBot.Host.Reports.Conversations;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Reports;

/// <summary>A run over several locales reports each one's figures: in the JUnit properties and the HTML report.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class LocaleReportTests
{
    private static ConversationRun TwoLocales()
    {
        var sample = SampleConversationRun.Create();
        ConversationResult[] conversations =
        [
            sample.Conversations[0] with { Locale = "en-US" },
            sample.Conversations[1] with { Locale = "fr-FR", Path = "eval/conversations/fr/orders/late.chat" },
        ];
        return sample with { Conversations = conversations, Locales = ConversationEvaluator.MeasureLocales(conversations) };
    }

    [Fact]
    public void JUnit_CarriesEachLocalesFigures()
    {
        var properties = XDocument.Parse(JUnitReport.Write(TwoLocales())).Root!.Elements("testsuite").First().Element("properties")!.Elements("property")
            .ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);

        Assert.Equal(("1", "1", "1"), (properties["locale.en-US.passed"], properties["locale.en-US.conversations"], properties["locale.en-US.conversation_pass_rate"]));
        Assert.Equal(("0", "1", "0"), (properties["locale.fr-FR.passed"], properties["locale.fr-FR.conversations"], properties["locale.fr-FR.conversation_pass_rate"]));
        Assert.Equal("0.5", properties["locale.fr-FR.turn_pass_rate"]);
    }

    [Fact]
    public async Task Html_HasAPerLocaleTable_WhenTheRunHoldsSeveralLocales()
    {
        var html = await ConversationHtmlReport.RenderAsync(TwoLocales(), null, 0.45);

        Assert.Contains("<h2>Per locale</h2>", html, StringComparison.Ordinal);
        Assert.Matches(@"<tr><td>fr-FR</td><td class=""num"">1</td><td class=""num"">0</td><td class=""num"">50.0&#xA0;% ", html);
    }

    [Fact]
    public async Task Html_NamesTheOneLocale_OfASingleLocaleRun()
    {
        var sample = SampleConversationRun.Create();
        var french = sample with { Locales = [new LocaleResults("fr-FR", 2, sample.Metrics)] };

        var html = await ConversationHtmlReport.RenderAsync(french, null, 0.45);

        Assert.DoesNotContain("<h2>Per locale</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Every conversation ran in the locale fr-FR.", html, StringComparison.Ordinal);
    }
}
