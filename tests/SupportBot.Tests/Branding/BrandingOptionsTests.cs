using SupportBot.Configuration;
using SupportBot.Host.Branding;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Branding;

/// <summary>
/// The Branding settings reach the pages' HTML and CSS, so only names as text and hex colours that white text can sit
/// on are accepted, and names are HTML-encoded on the way in.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class BrandingOptionsTests
{
    private static readonly SectionValidator<BrandingOptions> Validator = new(BrandingOptions.SectionName);

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(Validator.Validate(null, new BrandingOptions()).Succeeded);
    }

    [Theory]
    [InlineData("#236")]
    [InlineData("#2F5D50")]
    [InlineData("#7a2e3b")]
    public void HexColourWithEnoughContrast_IsAccepted(string colour)
    {
        Assert.True(Validator.Validate(null, new BrandingOptions { AccentColor = colour, HighlightColor = colour }).Succeeded);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("2f5d50")]
    [InlineData("#2f5d50; } body { display: none")]
    [InlineData("#2f5d50\n")]
    [InlineData("url(https://evil.example/x.png)")]
    public void NotAHexColour_IsRefusedNamingTheKey(string colour)
    {
        var result = Validator.Validate(null, new BrandingOptions { AccentColor = colour });

        Assert.Equal([$"Branding:AccentColor must be a CSS hex colour such as #2f5d50 (got '{colour}')"], result.Failures);
    }

    [Fact]
    public void EmptyColour_IsRefused()
    {
        var result = Validator.Validate(null, new BrandingOptions { HighlightColor = "" });

        Assert.Equal(["The Branding:HighlightColor field is required (got '')"], result.Failures);
    }

    [Theory]
    [InlineData("#ffff00", "1.07")]
    [InlineData("#777", "4.48")]
    public void ColourTooLightForWhiteText_IsRefusedWithItsContrast(string colour, string contrast)
    {
        var result = Validator.Validate(null, new BrandingOptions { HighlightColor = colour });

        Assert.Equal(
            [$"Branding:HighlightColor is too light for the white text on it: contrast {contrast}:1, at least 4.5:1 is needed (got '{colour}')"],
            result.Failures);
    }

    [Theory]
    [InlineData("#000", 21.0)]
    [InlineData("#ffffff", 1.0)]
    [InlineData("#2f5d50", 7.49)]
    public void ContrastWithWhite_IsTheWcagRatio(string colour, double expected)
    {
        Assert.Equal(expected, BrandingOptions.ContrastWithWhite(colour), precision: 2);
    }

    [Fact]
    public void NameOnTwoLines_IsRefused()
    {
        var result = Validator.Validate(null, new BrandingOptions { ShopName = "Fern\nMoss" });

        Assert.Equal(["Branding:ShopName must be a name on one line (got 'Fern\nMoss')"], result.Failures);
    }

    [Fact]
    public void NameLongerThanAMasthead_IsRefused()
    {
        var result = Validator.Validate(null, new BrandingOptions { BotName = new string('x', 41) });

        Assert.Single(result.Failures!);
        Assert.StartsWith("Branding:BotName must be a string or array type with a maximum length of '40'", result.Failures!.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Page_GetsNamesAsEncodedText_NeverAsMarkup()
    {
        var branding = new ShopBranding("Fern & Moss <script>alert(1)</script>", "\"Juniper\"", "#2f5d50", "#6b6fb8");

        var html = BrandedPages.Render("<title>Help · {{shop-name}}</title><span title=\"{{bot-name}}\">{{bot-name}}</span>", branding);

        Assert.Equal(
            "<title>Help · Fern &amp; Moss &lt;script&gt;alert(1)&lt;/script&gt;</title><span title=\"&quot;Juniper&quot;\">&quot;Juniper&quot;</span>",
            html);
    }

    [Fact]
    public void Stylesheet_SetsTheTwoColours()
    {
        var css = BrandingAssets.Stylesheet(new ShopBranding("Shop", "Bot", "#7a2e3b", "#1f6f8b"));

        Assert.Equal(":root { --accent: #7a2e3b; --highlight: #1f6f8b; }\n", css);
    }
}
