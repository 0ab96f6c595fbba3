using SupportBot.Handoff;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class OpeningHoursTests
{
    [Theory]
    [InlineData("2026-11-23T13:00:00Z", true)]   // Monday 08:00 in New York
    [InlineData("2026-11-23T12:59:00Z", false)]  // Monday 07:59
    [InlineData("2026-11-24T00:59:00Z", true)]   // Monday 19:59
    [InlineData("2026-11-24T01:00:00Z", false)]  // Monday 20:00: closed
    [InlineData("2026-11-28T15:00:00Z", true)]   // Saturday 10:00
    [InlineData("2026-11-28T22:00:00Z", false)]  // Saturday 17:00
    public void ShippedHours_InTheStoresTimeZone(string utc, bool open)
    {
        var options = new HandoffOptions { TimeZone = "America/New_York" };
        options.Hours.Add("Mon-Fri 08:00-20:00");
        options.Hours.Add("Sat-Sun 10:00-17:00");

        Assert.Equal(open, OpeningHours.From(options).IsOpen(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NoHours_AlwaysOpen() => Assert.True(OpeningHours.From(new HandoffOptions()).IsOpen(DateTimeOffset.UnixEpoch));

    [Theory]
    [InlineData("Mon-Fri", "write it as days and times")]
    [InlineData("Mon-Fry 09:00-17:00", "'Mon-Fry' is not a day")]
    [InlineData("Mon 17:00-09:00", "is not an opening and a later closing time")]
    [InlineData("Mon 09:00-25:00", "is not an opening and a later closing time")]
    public void BadRules_AreRefusedAtStartWithTheKey(string rule, string message)
    {
        var options = new HandoffOptions();
        options.Hours.Add(rule);

        var error = Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        Assert.StartsWith("Handoff:Hours:0", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(message, error.ErrorMessage, StringComparison.Ordinal);
    }
}
