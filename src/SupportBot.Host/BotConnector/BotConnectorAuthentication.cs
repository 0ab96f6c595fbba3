using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Host.BotConnector;

/// <summary>
/// Who may call <c>/api/messages</c>: a Bot Framework channel, proven by its JWT — signed with a key from the Bot
/// Framework's OpenID metadata, from its issuer, for our App ID, not expired on the server's <see cref="TimeProvider"/>
/// — checked by ASP.NET Core's JWT bearer handler under a scheme of its own that only this endpoint uses. Every
/// refusal is a ProblemDetails: 401 for a missing or bad token, 503 while the signing keys cannot be fetched (never a
/// 500).
/// </summary>
internal static class BotConnectorAuthentication
{
    public const string Scheme = "BotConnector";
    public const string Policy = "BotConnector";

    /// <summary>The claim in which the Bot Connector service names the channel's service URL; the activity must name the same.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    private static readonly TimeSpan RetryKeysAfter = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddBotConnectorAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<BotConnectorOptions>, IHostEnvironment, TimeProvider>(Configure);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, IOptions<BotConnectorOptions> options, IHostEnvironment environment, TimeProvider time)
    {
        var settings = options.Value;
        jwt.MetadataAddress = settings.OpenIdMetadataUrl;

        // A test or a developer may serve the keys from http://localhost; a real deployment fetches them over https only.
        jwt.RequireHttpsMetadata = !environment.IsDevelopment();
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.TokenIssuer,
            ValidAudience = settings.AppId,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromMinutes(5),

            // The handler's own lifetime check reads the wall clock (its TimeProvider setting is internal in
            // Microsoft.IdentityModel 8): nbf and exp are read here on the server's clock, the one every other expiry uses.
            LifetimeValidator = (notBefore, expires, _, parameters) => IsWithinLifetime(notBefore, expires, parameters.ClockSkew, time.GetUtcNow().UtcDateTime),
        };
        jwt.Events = new JwtBearerEvents
        {
            // Whatever goes wrong while checking a token is a refusal, never an exception that escapes as a 500.
            OnAuthenticationFailed = context =>
            {
                context.Fail(context.Exception);
                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();

                // The token handler reports keys it could not fetch as a token it could not verify: tell them apart, so a
                // channel retries an outage instead of giving up on a good token.
                if (context.AuthenticateFailure is not null && !await SigningKeysAvailableAsync(context.Options, context.HttpContext.RequestAborted).ConfigureAwait(false))
                {
                    context.Response.Headers.RetryAfter = ((int)RetryKeysAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await Results.Problem(title: "Signing keys unavailable", detail: "The Bot Framework's signing keys cannot be fetched right now; try again shortly.",
                        statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context.HttpContext).ConfigureAwait(false);
                    return;
                }

                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Results.Problem(title: "Unauthorized", detail: "The Bot Connector token is missing or not valid.",
                    statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context.HttpContext).ConfigureAwait(false);
            },
            OnForbidden = context => Results.Problem(title: "Forbidden", detail: "This token may not call the Bot Connector endpoint.",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context.HttpContext),
        };
    }

    /// <summary>Valid from <c>nbf</c> to <c>exp</c> (which a token must have), each widened by the skew the channels' clocks are allowed.</summary>
    internal static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew, DateTime now) =>
        expires is { } end && (notBefore is not { } start || (start <= end && start - skew <= now)) && now <= end + skew;

    /// <summary>The metadata and its keys as the handler has them (cached; fetched again only when missing or due).</summary>
    private static async Task<bool> SigningKeysAvailableAsync(JwtBearerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            return metadata.SigningKeys.Count > 0;
        }
        catch (InvalidOperationException)
        {
            // IDX20803: the metadata could not be obtained.
            return false;
        }
    }
}
