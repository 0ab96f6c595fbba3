using System.ComponentModel.DataAnnotations;

namespace SupportBot.Host.BotConnector;

/// <summary>Settings of the <c>BotConnector</c> section: Azure Bot Service and the Bot Framework Emulator.</summary>
internal sealed class BotConnectorOptions : IValidatableObject
{
    public const string SectionName = "BotConnector";

    /// <summary>The bot's Microsoft App ID: the audience of inbound tokens and the client of outbound ones. Without it <c>/api/messages</c> refuses every call.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's password (client secret), from the environment in production.</summary>
    public string? AppPassword { get; set; }

    /// <summary>
    /// Check the channel's JWT on every inbound activity. Turning it off is for the Emulator in Development only:
    /// start-up refuses it in any other environment and whenever an App ID or password is set.
    /// </summary>
    /// <value>Default true.</value>
    public bool ValidateInboundTokens { get; set; } = true;

    /// <value>Default the Bot Framework's OpenID metadata.</value>
    [Required, Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <value>Default <c>https://api.botframework.com</c>.</value>
    [Required]
    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Where outbound tokens come from (client credentials) when an App ID and password are set.</summary>
    [Required, Url]
    public string OutboundTokenEndpoint { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    /// <value>Default <c>https://api.botframework.com/.default</c>.</value>
    [Required]
    public string OutboundScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// The hosts replies may be posted to (an activity's <c>serviceUrl</c>): exact names, or <c>*.domain</c> for any
    /// name under it. Defaults in appsettings.json: the Bot Framework channels' hosts.
    /// </summary>
    public IList<string> AllowedServiceUrlHosts { get; } = [];

    /// <summary>How long one reply to a channel may take, connecting included, before it counts as not delivered.</summary>
    /// <value>Default 5.</value>
    [Range(1, 60)]
    public int ReplyTimeoutSeconds { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(AppPassword) && string.IsNullOrEmpty(AppId))
        {
            yield return new ValidationResult($"{SectionName}:AppPassword is set without {SectionName}:AppId");
        }

        for (var i = 0; i < AllowedServiceUrlHosts.Count; i++)
        {
            if (!ServiceUrlPolicy.IsHostPattern(AllowedServiceUrlHosts[i]))
            {
                yield return new ValidationResult($"{SectionName}:AllowedServiceUrlHosts:{i} must be a host name or *.domain (got '{AllowedServiceUrlHosts[i]}')");
            }
        }
    }
}
