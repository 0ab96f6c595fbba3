using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Understanding.Entities;
using SupportBot.Tests.Support;

// Named after the engine's namespace (not the folder) so `--filter FullyQualifiedName~Entities` selects these tests.
namespace SupportBot.Tests.Understanding.Entities;

[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class EntityExtractorTests
{
    // A Wednesday, late in the day UTC: relative dates below are worked out from 2026-11-25.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 22, 30, 0, TimeSpan.Zero);

    private static EntityExtractor CreateSut() => new(new FakeTimeProvider(Now));

    private static Entity[] Found(string text, EntityKind kind) =>
        CreateSut().Extract(text).Where(e => e.Kind == kind).ToArray();

    private static string[] Values(string text, EntityKind kind) => Found(text, kind).Select(e => e.Value).ToArray();

    [Theory]
    [InlineData("where is lp 2048 1736??", "LP20481736")]
    [InlineData("LP-20481736", "LP20481736")]
    [InlineData("#LP20481736 hasn't arrived", "LP20481736")]
    [InlineData("my order lp20481736 is late", "LP20481736")]
    [InlineData("order 20481736", "LP20481736")]
    [InlineData("Order number: 20481736.", "LP20481736")]
    [InlineData("ORDER #20481736!!", "LP20481736")]
    [InlineData("my order number is 2048-1736, thanks", "LP20481736")]
    [InlineData("(Lp-2048-1736)", "LP20481736")]
    public void Extract_OrderNumberWrittenLoosely_NormalisesToLpAndEightDigits(string text, string expected)
    {
        Assert.Equal([expected], Values(text, EntityKind.OrderNumber));
    }

    [Theory]
    [InlineData("LP204817361")]
    [InlineData("lp 2048173")]
    [InlineData("order 204817361")]
    [InlineData("please call 20481736")]
    [InlineData("ALP20481736")]
    public void Extract_NotAnOrderNumber_FindsNoOrderNumber(string text)
    {
        Assert.Empty(Found(text, EntityKind.OrderNumber));
    }

    [Theory]
    [InlineData("Email me at Jane.Doe+shop@Example.COM.", "jane.doe+shop@example.com")]
    [InlineData("me@x.com.", "me@x.com")]
    [InlineData("<bob_smith@mail.co.uk>, thanks", "bob_smith@mail.co.uk")]
    [InlineData("new address?a.b-c@sub.domain.ca?", "a.b-c@sub.domain.ca")]
    [InlineData("x1@y.io is mine", "x1@y.io")]
    public void Extract_Email_LowerCasedWithoutTrailingPunctuation(string text, string expected)
    {
        Assert.Equal([expected], Values(text, EntityKind.Email));
    }

    [Theory]
    [InlineData("write to me@localhost")]
    [InlineData("I'm @janedoe on insta")]
    [InlineData("email at example.com")]
    [InlineData("a@b.c")]
    public void Extract_NotAnEmail_FindsNoEmail(string text)
    {
        Assert.Empty(Found(text, EntityKind.Email));
    }

    [Theory]
    [InlineData("zip 10001", "10001")]
    [InlineData("my ZIP code is 90210-1234.", "90210-1234")]
    [InlineData("  90210 ", "90210")]
    [InlineData("10001 is my zip", "10001")]
    [InlineData("Postal code:30301", "30301")]
    [InlineData("ship to 500 Congress Ave, Austin, TX 78701", "78701")]
    [InlineData("12 Elm St, Springfield, Illinois 62704 please", "62704")]
    [InlineData("beverly hills, ca 90210", "90210")]
    [InlineData("k1a0b1", "K1A 0B1")]
    [InlineData("Toronto ON m5v 3l9 is where I live", "M5V 3L9")]
    [InlineData("postal code: H2X-1Y4", "H2X 1Y4")]
    [InlineData("mon code postal c'est 10027, je veux savoir ou est mon colis", "10027")]
    [InlineData("mi codigo postal es 28013", "28013")]
    [InlineData("código postal: 08002", "08002")]
    [InlineData("CP 69002", "69002")]
    public void Extract_PostalCode_NormalisesUsAndCanadianFormats(string text, string expected)
    {
        Assert.Equal([expected], Values(text, EntityKind.PostalCode));
    }

    [Theory]
    [InlineData("call me at 555-123-4567")]
    [InlineData("I bought 10001 stickers")]
    [InlineData("it cost $12345 in 2026")]
    [InlineData("it cost 12345 dollars")]
    [InlineData("order 20481736")]
    [InlineData("zip it up, 12345678 is my account")]
    [InlineData("tracking 9400 1000 0000 0000 0000 00, zip unknown")]
    [InlineData("I ordered in OR... no, in 2026 12345 times")]
    public void Extract_FiveDigitsWithoutZipContext_FindsNoPostalCode(string text)
    {
        Assert.Empty(Found(text, EntityKind.PostalCode));
    }

    [Fact]
    public void Extract_ZipCueThenPrice_TakesOnlyTheNumberAfterTheCue()
    {
        Assert.Equal(["10001"], Values("my zip is 10001 and it cost $12345 or 54321 CAD", EntityKind.PostalCode));
    }

    [Theory]
    [InlineData("1Z999AA10123456784", "1Z999AA10123456784")]
    [InlineData("ups: 1z 999 aa1 0123 4567 84.", "1Z999AA10123456784")]
    [InlineData("usps says 9400 1000 0000 0000 0000 00", "9400100000000000000000")]
    [InlineData("9205590164917312751089 still not moving", "9205590164917312751089")]
    [InlineData("tracking 9361289878700317593019 and 2 boxes", "9361289878700317593019")]
    [InlineData("it's 92055901649173127510", "92055901649173127510")]
    [InlineData("canada post 7023 2100 0000 1234", "7023210000001234")]
    [InlineData("RN123456789CA", "RN123456789CA")]
    [InlineData("pin rn 123 456 789 ca?", "RN123456789CA")]
    [InlineData("fedex 123456789012", "123456789012")]
    [InlineData("my tracking number is 1234 5678 9012", "123456789012")]
    [InlineData("123456789012345 is the FedEx tracking", "123456789012345")]
    public void Extract_TrackingNumber_UpperCaseWithoutSpaces(string text, string expected)
    {
        Assert.Equal([expected], Values(text, EntityKind.TrackingNumber));
    }

    [Theory]
    [InlineData("123456789012")]
    [InlineData("call 555-123-4567 555-123-4568")]
    [InlineData("tracking: call 555-123-4567 or 555-123-4568")]
    [InlineData("8400100000000000000000")]
    [InlineData("1Z999AA1012345678")]
    [InlineData("LP20481736")]
    [InlineData("tracking? I paid $123456789 for 12 items")]
    public void Extract_NotATrackingNumber_FindsNoTrackingNumber(string text)
    {
        Assert.Empty(Found(text, EntityKind.TrackingNumber));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("ordered on 11/23/2026.", "2026-11-23")]
    [InlineData("11/23", "2026-11-23")]
    [InlineData("delivered 11-23-26?", "2026-11-23")]
    [InlineData("November 23", "2026-11-23")]
    [InlineData("since nov 23rd", "2026-11-23")]
    [InlineData("23 November 2026", "2026-11-23")]
    [InlineData("Dec. 31st, 2025", "2025-12-31")]
    [InlineData("Friday, November 27th, 2026", "2026-11-27")]
    [InlineData("jan 5", "2027-01-05")]
    [InlineData("it came on the 20th.", "2026-11-20")]
    [InlineData("the 3rd", "2026-12-03")]
    [InlineData("23/11/2026", "2026-11-23")]
    [InlineData("TODAY", "2026-11-25")]
    [InlineData("it shipped yesterday", "2026-11-24")]
    [InlineData("tomorrow?", "2026-11-26")]
    [InlineData("the day before yesterday", "2026-11-23")]
    [InlineData("last monday", "2026-11-23")]
    [InlineData("last wednesday", "2026-11-18")]
    [InlineData("next wednesday", "2026-12-02")]
    [InlineData("can it come on friday", "2026-11-27")]
    [InlineData("3 days ago", "2026-11-22")]
    [InlineData("2 weeks ago", "2026-11-11")]
    [InlineData("about a week ago", "2026-11-18")]
    [InlineData("in 5 days", "2026-11-30")]
    [InlineData("a couple of days ago", "2026-11-23")]
    public void Extract_Date_ResolvesToIsoRelativeToToday(string text, string expected)
    {
        Assert.Equal([expected], Values(text, EntityKind.Date));
    }

    [Theory]
    [InlineData("call 555-123-4567")]
    [InlineData("in 2026")]
    [InlineData("ships in 2-3 days")]
    [InlineData("this is the 3rd time I ask")]
    [InlineData("only the 1st and 2nd boxes came")]
    [InlineData("3/4 of the items arrived")]
    [InlineData("24/7 support")]
    [InlineData("Feb 30")]
    [InlineData("13/45/2026")]
    [InlineData("$11/20 off")]
    [InlineData("version 1.2.3")]
    public void Extract_NotADate_FindsNoDate(string text)
    {
        Assert.Empty(Found(text, EntityKind.Date));
    }

    [Theory]
    [InlineData("$12.50", "12.50 USD")]
    [InlineData("it was 12.50 dollars", "12.50 USD")]
    [InlineData("paid $1,299!", "1299.00 USD")]
    [InlineData("USD 30", "30.00 USD")]
    [InlineData("30 usd", "30.00 USD")]
    [InlineData("CAD 45", "45.00 CAD")]
    [InlineData("C$45", "45.00 CAD")]
    [InlineData("45 cad.", "45.00 CAD")]
    [InlineData("€20", "20.00 EUR")]
    [InlineData("$ 7.5 shipping", "7.50 USD")]
    [InlineData("$45 CAD", "45.00 CAD")]
    [InlineData("charged 1,299.99 canadian dollars", "1299.99 CAD")]
    [InlineData("£15", "15.00 GBP")]
    public void Extract_Amount_TwoDecimalsAndCurrencyCode(string text, string expected)
    {
        Assert.Equal([expected], Values(text, EntityKind.Amount));
    }

    [Theory]
    [InlineData("order 20481736")]
    [InlineData("I have 12.50 left")]
    [InlineData("1Z999AA10123456784")]
    [InlineData("$12.345")]
    [InlineData("45 cadets")]
    public void Extract_NumberWithoutCurrency_FindsNoAmount(string text)
    {
        Assert.Empty(Found(text, EntityKind.Amount));
    }

    [Fact]
    public void Extract_SeveralEntities_FindsEachInOrder()
    {
        const string text = "my order LP20481736 to zip 10001, tracking 1Z999AA10123456784, was $89.99 on 11/20";

        var entities = CreateSut().Extract(text);

        Assert.Equal(
            [
                (EntityKind.OrderNumber, "LP20481736", "LP20481736"),
                (EntityKind.PostalCode, "10001", "10001"),
                (EntityKind.TrackingNumber, "1Z999AA10123456784", "1Z999AA10123456784"),
                (EntityKind.Amount, "$89.99", "89.99 USD"),
                (EntityKind.Date, "11/20", "2026-11-20"),
            ],
            entities.Select(e => (e.Kind, e.Text, e.Value)));
    }

    [Fact]
    public void Extract_EntitiesAtStartAndEnd_FindsBoth()
    {
        const string text = "lp-2048-1736 was sent to K1A0B1 yesterday, paid C$45.00, reply to ME@Example.ca";

        var entities = CreateSut().Extract(text);

        Assert.Equal(
            [
                (EntityKind.OrderNumber, 0, "LP20481736"),
                (EntityKind.PostalCode, 25, "K1A 0B1"),
                (EntityKind.Date, 32, "2026-11-24"),
                (EntityKind.Amount, 48, "45.00 CAD"),
                (EntityKind.Email, text.Length - 13, "me@example.ca"),
            ],
            entities.Select(e => (e.Kind, e.Start, e.Value)));
    }

    [Theory]
    [InlineData("Order LP-2048-1736 please", "LP-2048-1736", 6)]
    [InlineData("order 20481736", "20481736", 6)]
    [InlineData("last friday I asked", "last friday", 0)]
    [InlineData("it came on friday", "friday", 11)]
    [InlineData("cost USD 30!", "USD 30", 5)]
    public void Extract_Entity_TextAndSpanPointIntoTheMessage(string text, string expectedText, int expectedStart)
    {
        var entity = Assert.Single(CreateSut().Extract(text));

        Assert.Equal(expectedText, entity.Text);
        Assert.Equal(expectedStart, entity.Start);
        Assert.Equal(expectedText.Length, entity.Length);
        Assert.Equal(expectedText, text.Substring(entity.Start, entity.Length));
    }

    [Fact]
    public void Extract_OverlappingReadings_KeepsLongestWithoutOverlap()
    {
        // The 22-digit USPS number holds a 16-digit Canada Post reading and two 5-digit runs; one entity remains.
        var entities = CreateSut().Extract("zip 94001 1000 0000 0000 0000 0");

        Assert.Equal([(EntityKind.TrackingNumber, "9400110000000000000000")], entities.Select(e => (e.Kind, e.Value)));
    }

    [Fact]
    public void Extract_UtcDateDiffersFromLocal_UsesUtcDate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.FromHours(-5)));

        var entity = Assert.Single(new EntityExtractor(time).Extract("today"));

        Assert.Equal("2026-11-26", entity.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hi, where is my parcel?")]
    public void Extract_NothingToFind_ReturnsEmpty(string text)
    {
        Assert.Empty(CreateSut().Extract(text));
    }

    [Fact]
    public void Extract_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CreateSut().Extract(null!));
    }

    [Fact]
    public void Extract_ManyCuesAndNumbers_TakesEachNumberItsNearestCueAllows()
    {
        // 400 ZIPs after "zip", 400 bare five-digit numbers far from any cue, 400 FedEx-length numbers after "tracking".
        var text = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"zip {10000 + i}, then quite a long stretch of words without a cue at all {20000 + i}, tracking {100000000000L + i}. ");
        }

        var entities = CreateSut().Extract(text.ToString());

        Assert.Equal(Enumerable.Range(0, 400).Select(i => (10000 + i).ToString(CultureInfo.InvariantCulture)),
            entities.Where(e => e.Kind == EntityKind.PostalCode).Select(e => e.Value));
        Assert.Equal(400, entities.Count(e => e.Kind == EntityKind.TrackingNumber));
    }

    public static TheoryData<string, string> Junk() => new()
    {
        { "random characters", RandomJunk() },
        { "one long digit run", new string('9', 10_000) },
        { "spaced single digits", string.Concat(Enumerable.Repeat("9 ", 5_000)) },
        { "dashed digits", string.Concat(Enumerable.Repeat("1-", 5_000)) },
        { "letters then an at sign", new string('a', 9_990) + "@example.c" },
        { "dotted labels", "a@" + string.Concat(Enumerable.Repeat("b.", 4_999)) },
        { "whitespace after order", "order" + new string(' ', 9_995) },
        { "repeated near misses", string.Concat(Enumerable.Repeat("LP2048173 1Z99 $1,2 nov 3", 400)) },
    };

    /// <summary>One entity of every kind, after the junk: a kind whose pattern ran away on the junk is dropped whole.</summary>
    private const string EveryKind = "\nSo: order LP20481736, pat@example.com, zip 10001, 1Z999AA10123456784, $12.50, since nov 23rd.";

    /// <summary>
    /// A pattern that backtracks on junk would hit the extractor's match timeout, and the extractor then drops that
    /// kind's entities: so the tail's entities, all found, show that every pattern got through the junk.
    /// </summary>
    [Theory]
    [MemberData(nameof(Junk))]
    public void Extract_TenThousandCharactersOfJunk_GetsThroughEveryPatternWithoutOverlaps(string description, string junk)
    {
        var entities = CreateSut().Extract(junk + EveryKind);

        var tail = entities.Where(e => e.Start >= junk.Length).Select(e => (e.Kind, e.Value)).ToList();
        Assert.Equal(
            [
                (EntityKind.OrderNumber, "LP20481736"), (EntityKind.Email, "pat@example.com"), (EntityKind.PostalCode, "10001"),
                (EntityKind.TrackingNumber, "1Z999AA10123456784"), (EntityKind.Amount, "12.50 USD"), (EntityKind.Date, "2026-11-23"),
            ],
            tail);
        for (var i = 1; i < entities.Count; i++)
        {
            Assert.True(entities[i - 1].Start + entities[i - 1].Length <= entities[i].Start, $"{description}: overlap at {entities[i].Start}");
        }
    }

    private static string RandomJunk()
    {
        const string alphabet = "0123456789abcdefghijklmnopqrstuvwxyzLPZ1 $€@.,-/#:";
        var random = new Random(20261125);
        var junk = new StringBuilder(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            junk.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return junk.ToString();
    }
}
