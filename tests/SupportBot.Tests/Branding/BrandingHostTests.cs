using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Host.Server;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Branding;

/// <summary>
/// The Branding settings in the real host: a bad one stops it before it serves a page, as every other section does;
/// a good one reaches the pages, the stylesheet and the icon, and no page is ever served as its raw template.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class BrandingHostTests
{
    [Fact]
    public async Task Host_WithATooLightColour_RefusesToStart()
    {
        await using var app = ServerApp.Build(["--Storage:DataPath", RunningServer.DataPath, "--Branding:AccentColor", "#fff"], RepoPaths.Root);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Branding:AccentColor is too light for the white text on it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_StylesheetAndIcon_CarryTheSettings()
    {
        await using var server = await RunningServer.StartAsync("--Branding:ShopName", "Fern & Moss", "--Branding:AccentColor", "#7a2e3b");

        foreach (var path in new[] { "/", "/index.html", "/agent", "/agent.html" })
        {
            var html = await server.Client.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.Contains("<span class=\"brand\">Fern &amp; Moss</span>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
        }

        using var css = await server.Client.GetAsync(new Uri("/branding.css", UriKind.Relative));
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal(":root { --accent: #7a2e3b; --highlight: #6b6fb8; }\n", await css.Content.ReadAsStringAsync());
        Assert.Contains("fill=\"#7a2e3b\"", await server.Client.GetStringAsync(new Uri("/icon.svg", UriKind.Relative)), StringComparison.Ordinal);
    }
}
