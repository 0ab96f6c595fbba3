using System.IdentityModel.Tokens.Jwt;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Host.BotConnector;

/// <summary>Validates the Bot Connector's JWT: signed by a key from the OpenID metadata, right issuer, our App ID as audience, not expired.</summary>
internal sealed class InboundTokenValidator
{
    private readonly BotConnectorOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;

    public InboundTokenValidator(IOptions<BotConnectorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = _options.OpenIdMetadataUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) });
    }

    public bool Enabled => _options.ValidateInboundTokens;

    public async Task<bool> IsValidAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var metadata = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var result = await new JwtSecurityTokenHandler().ValidateTokenAsync(authorization["Bearer ".Length..].Trim(), new TokenValidationParameters
        {
            ValidIssuer = _options.TokenIssuer,
            ValidAudience = _options.AppId,
            IssuerSigningKeys = metadata.SigningKeys,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        }).ConfigureAwait(false);
        return result.IsValid;
    }
}
