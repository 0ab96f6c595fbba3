using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SupportBot.Host.Branding;

/// <summary>
/// Settings of the <c>Branding</c> section: the names and colours the store page and the agent console show.
/// The names default to the knowledge (<c>store.name</c> in <c>policies.yml</c>, <c>persona</c> in
/// <c>prompts/reply.yaml</c>), so the page and the bot's own welcome name the same shop and assistant.
/// </summary>
internal sealed class BrandingOptions : IValidatableObject
{
    public const string SectionName = "Branding";

    /// <summary>White text sits on both colours (the chat header, buttons, badges): WCAG AA for normal text.</summary>
    public const double MinContrastWithWhite = 4.5;

    private const string HexColor = "^#(?:[0-9a-fA-F]{3}){1,2}$";
    private const string HexColorMessage = "{0} must be a CSS hex colour such as #2f5d50";

    /// <summary>The shop's name in the masthead and the page titles.</summary>
    /// <value>Default empty: the knowledge's <c>store.name</c>.</value>
    [MaxLength(60)]
    public string? ShopName { get; set; }

    /// <summary>The virtual assistant's name above the chat and under its messages.</summary>
    /// <value>Default empty: the knowledge's <c>persona</c>.</value>
    [MaxLength(40)]
    public string? BotName { get; set; }

    /// <summary>The main colour: masthead brand, chat header, primary buttons, Web Chat's accent.</summary>
    /// <value>Default #2f5d50.</value>
    [Required]
    [RegularExpression(HexColor, ErrorMessage = HexColorMessage)]
    public string AccentColor { get; set; } = "#2f5d50";

    /// <summary>The second colour: the current page in the navigation, a person's avatar, focus rings, queue markers.</summary>
    /// <value>Default #6b6fb8.</value>
    [Required]
    [RegularExpression(HexColor, ErrorMessage = HexColorMessage)]
    public string HighlightColor { get; set; } = "#6b6fb8";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, value) in new[] { ("ShopName", ShopName), ("BotName", BotName) })
        {
            if (value is not null && value.Any(char.IsControl))
            {
                yield return new ValidationResult($"{SectionName}:{key} must be a name on one line (got '{value}')");
            }
        }

        foreach (var (key, value) in new[] { ("AccentColor", AccentColor), ("HighlightColor", HighlightColor) })
        {
            var contrast = ContrastWithWhite(value);
            if (contrast < MinContrastWithWhite)
            {
                yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture,
                    $"{SectionName}:{key} is too light for the white text on it: contrast {contrast:0.00}:1, at least {MinContrastWithWhite}:1 is needed (got '{value}')"));
            }
        }
    }

    /// <summary>The WCAG contrast ratio of white text on a hex colour (#rgb or #rrggbb, already checked).</summary>
    public static double ContrastWithWhite(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex[1..];
        if (digits.Length == 3)
        {
            digits = string.Concat(digits.Select(d => new string(d, 2)));
        }

        var channels = Enumerable.Range(0, 3)
            .Select(i => int.Parse(digits.AsSpan(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0)
            .Select(c => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4))
            .ToArray();
        var luminance = (0.2126 * channels[0]) + (0.7152 * channels[1]) + (0.0722 * channels[2]);
        return 1.05 / (luminance + 0.05);
    }
}
