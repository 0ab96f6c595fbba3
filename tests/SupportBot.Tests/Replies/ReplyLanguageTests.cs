using SupportBot.Replies;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Replies;

/// <summary>How each reply language writes what the code fills in: days, US-dollar amounts and plural forms.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class ReplyLanguageTests
{
    private static readonly DateTimeOffset May5 = new(2026, 5, 5, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "Tuesday, May 5", "$1,249.50")]
    [InlineData("fr", "mardi 5 mai", "1 249,50 $ US")]
    [InlineData("es", "martes, 5 de mayo", "1.249,50 US$")]
    public void DaysAndAmounts_AreWrittenTheLanguagesWay(string code, string day, string money)
    {
        var language = ReplyLanguage.Of(code);

        Assert.Equal(day, language.Day(May5));
        // Group separators differ by ICU version in the width of their space; compare with ordinary spaces.
        Assert.Equal(money, language.Money(1249.50m).Replace('\u202F', ' ').Replace('\u00A0', ' '));
    }

    [Theory]
    [InlineData("fr-CA", "fr")]
    [InlineData("es_MX", "es")]
    [InlineData("EN-gb", "en")]
    [InlineData("de-DE", "en")]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    public void ALocale_GivesItsLanguage_AndAnUnknownOneEnglish(string? locale, string expected) =>
        Assert.Equal(expected, ReplyLanguage.Of(locale).Code);

    [Theory]
    [InlineData("en", 0, false)]
    [InlineData("en", 1, true)]
    [InlineData("fr", 0, true)]
    [InlineData("fr", 1, true)]
    [InlineData("fr", 2, false)]
    [InlineData("es", 0, false)]
    [InlineData("es", 1, true)]
    public void TheSingular_FollowsTheLanguagesRule(string code, int count, bool one) =>
        Assert.Equal(one, ReplyLanguage.Of(code).IsOne(count));
}
