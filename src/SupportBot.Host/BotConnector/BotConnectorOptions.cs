using System.ComponentModel.DataAnnotations;

namespace SupportBot.Host.BotConnector;

/// <summary>Settings of the <c>BotConnector</c> section: Azure Bot Service and the Bot Framework Emulator.</summary>
public sealed class BotConnectorOptions
{
    public const string SectionName = "BotConnector";

    /// <summary>The bot's Microsoft App ID: the audience of inbound tokens and the client of outbound ones. Empty for the Emulator.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's password (client secret), from the environment in production.</summary>
    public string? AppPassword { get; set; }

    /// <summary>Check the JWT on every inbound activity. Off only for local development (a warning says so at start-up).</summary>
    /// <value>Default false.</value>
    public bool ValidateInboundTokens { get; set; }

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
}
