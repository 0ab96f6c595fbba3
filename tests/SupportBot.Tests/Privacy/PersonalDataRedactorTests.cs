using SupportBot.Privacy;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Privacy;

/// <summary>The one redactor, on shopper text as it really arrives: lower case, run-on, typos, several kinds at once.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class PersonalDataRedactorTests
{
    private static PersonalDataRedactor AtRest(string[]? names = null, string[]? lines = null) =>
        new(names ?? [], lines ?? [], RetentionPurge.Marker, orderNumbers: true);

    [Theory]
    [InlineData("hi its me again, email is JANE.DOE+shop@Example.co.uk pls help", "hi its me again, email is [email] pls help")]
    [InlineData("call me on (415) 555-0188 or +44 20 7946 0958", "call me on [phone] or [phone]")]
    [InlineData("my number 4155550188 thx", "my number [phone] thx")]
    [InlineData("card was 4111-1111-1111-1111 exp 09/27", "card was [card] exp 09/27")]
    [InlineData("send it to 1200 N. Oak Street, Suite 5 instead", "send it to [address] instead")]
    [InlineData("new addr: 42 birch lane apt 3b, portland or 97205", "new addr: [address], portland or [postal code]")]
    [InlineData("po box 1234, toronto ON M5V 2T6", "[address], toronto ON [postal code]")]
    [InlineData("tracking 1Z 999 AA1 01 2345 6784 says delivered??", "tracking [tracking number] says delivered??")]
    [InlineData("usps 9400 1000 0000 0000 0000 00 stuck", "usps [tracking number] stuck")]
    [InlineData("see https://www.ups.com/track?tracknum=1Z999AA10123456784.", "see [tracking link].")]
    [InlineData("label: https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000000", "label: [tracking link]")]
    [InlineData("order LP2048 1736 never came", "order [order] never came")]
    [InlineData("my name is ana lima and I need help", "my name is [name] and I need help")]
    [InlineData("Hi, I'm Raj. where is my parcel", "Hi, I'm [name]. where is my parcel")]
    [InlineData("I'm furious, where is it", "I'm furious, where is it")]
    [InlineData("I'm waiting since monday", "I'm waiting since monday")]
    [InlineData("It costs $129.00 and arrived in 5 days", "It costs $129.00 and arrived in 5 days")]
    public void MessyShopperText_LosesItsPersonalData_AndKeepsTheRest(string text, string expected)
    {
        Assert.Equal(expected, AtRest().Redact(text));
    }

    [Fact]
    public void KnownNamesAndAddressLines_FromTheProfileOrOrder_AreTakenOutEverywhere()
    {
        var redactor = AtRest(["Mary Ann", "Okafor"], ["7 Rue Cartier"]);

        // Names are taken word by word: a first name alone is as personal as the whole name.
        Assert.Equal("thanks [name] [name] [name], shipping to [address] today. bye [name] [name]!",
            redactor.Redact("thanks mary ann OKAFOR, shipping to 7 rue cartier today. bye Mary Ann!"));
    }

    [Fact]
    public void StatedNames_AreFound_ToBeRedactedInTheWholeConversation()
    {
        Assert.Equal(["ana lima"], PersonalDataRedactor.StatedNames("hello my name is ana lima, order LP20481736"));
        Assert.Equal(["Raj"], PersonalDataRedactor.StatedNames("I'm Raj!"));
        Assert.Empty(PersonalDataRedactor.StatedNames("I'm not happy. I am Confused."));
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111 1111 1111 1112", false)]
    [InlineData("378282246310005", true)]
    [InlineData("123456789012", false)]
    public void CardNumbers_AreLuhnChecked(string digits, bool card)
    {
        Assert.Equal(card, PersonalDataRedactor.PassesLuhn(digits));
    }

    [Fact]
    public void AHugeMessage_IsRedactedWithoutHanging()
    {
        var text = string.Concat(Enumerable.Repeat("12 34 56 78 90 ", 20_000)) + " ana@example.com";

        Assert.DoesNotContain("ana@example.com", AtRest().Redact(text), StringComparison.Ordinal);
    }
}
