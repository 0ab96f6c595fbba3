using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Host.BotConnector;

/// <summary>
/// Who may call <c>/api/messages</c>: a Bot Framework channel, proven by its JWT — signed with a key from the Bot
/// Framework's OpenID metadata, from its issuer, for our App ID, not expired — checked by ASP.NET Core's JWT bearer
/// handler under a scheme of its own that only this endpoint uses. Every refusal is a ProblemDetails: 401 for a
/// missing or bad token, 503 while the signing keys cannot be fetched (never a 500).
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
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<BotConnectorOptions>, IHostEnvironment>(Configure);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, IOptions<BotConnectorOptions> options, IHostEnvironment environment)
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
        };
        jwt.Events = new JwtBearerEvents
        {
            // Anything but a verdict on the token itself (the metadata could not be fetched) would otherwise escape as a 500.
            OnAuthenticationFailed = context =>
            {
                context.Fail(context.Exception);
                return Task.CompletedTask;
            },
            OnChallenge = context =>
            {
                context.HandleResponse();
                if (context.AuthenticateFailure is { } failure && failure is not SecurityTokenException and not ArgumentException)
                {
                    context.Response.Headers.RetryAfter = ((int)RetryKeysAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Results.Problem(title: "Signing keys unavailable", detail: "The Bot Framework's signing keys cannot be fetched right now; try again shortly.",
                        statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context.HttpContext);
                }

                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Problem(title: "Unauthorized", detail: "The Bot Connector token is missing or not valid.",
                    statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context.HttpContext);
            },
            OnForbidden = context => Results.Problem(title: "Forbidden", detail: "This token may not call the Bot Connector endpoint.",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context.HttpContext),
        };
    }
}
