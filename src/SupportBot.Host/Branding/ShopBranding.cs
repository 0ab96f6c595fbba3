using Microsoft.Extensions.Options;
using SupportBot.Knowledge;

namespace SupportBot.Host.Branding;

/// <summary>The names and colours the pages show at this moment.</summary>
internal sealed record ShopBranding(string ShopName, string BotName, string AccentColor, string HighlightColor);

/// <summary>
/// Resolves <see cref="BrandingOptions"/> against the knowledge in service: a name left out of the settings is the
/// one the bot itself uses, and follows an editor's change to the knowledge without a restart.
/// </summary>
internal sealed class BrandingSource(IOptions<BrandingOptions> options, LiveKnowledge knowledge)
{
    /// <summary>What a page says when neither the settings nor the knowledge name the shop.</summary>
    private const string UnnamedShop = "Our shop";

    public ShopBranding Current
    {
        get
        {
            var settings = options.Value;
            var known = knowledge.Current.Knowledge;
            return new ShopBranding(
                Named(settings.ShopName) ?? known.Policies.GetText("store.name") ?? UnnamedShop,
                Named(settings.BotName) ?? known.Prompt.Persona,
                settings.AccentColor,
                settings.HighlightColor);
        }
    }

    /// <summary>A name the settings leave empty (JSON null arrives as an empty string) is not set.</summary>
    private static string? Named(string? setting) => string.IsNullOrWhiteSpace(setting) ? null : setting.Trim();
}
