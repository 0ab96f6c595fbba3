using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.Agents;

/// <summary>
/// How agents prove who they are: the console signs in with a password and gets an HttpOnly, same-site cookie;
/// scripts send <c>X-Api-Key</c>. Anonymous calls to the agent API get 401 (never a redirect).
/// </summary>
internal static class AgentAuthentication
{
    public const string Scheme = "Agent";
    public const string CookieScheme = "AgentCookie";
    public const string ApiKeyScheme = "AgentApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string Policy = "Agent";
    public const string SignInLimit = "agent-sign-in";

    public static IServiceCollection AddAgentAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<AgentDirectory>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Agent", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyHeader) ? ApiKeyScheme : CookieScheme)
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "supportbot.agent";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Site-wide, so a signed-in agent also reaches /api/knowledge/status; SameSite=Strict and the agent API's
                // same-origin check keep other sites from using it.
                cookie.Cookie.Path = "/";
                cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context => Problem(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign in first", "Sign in to the agent console, or send an X-Api-Key header.");
                cookie.Events.OnRedirectToAccessDenied = context => Problem(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed", "Your account may not do this.");
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyScheme, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        services.AddRateLimiter(limiter => limiter.AddPolicy(SignInLimit, context => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);

    private sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AgentDirectory agents)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var key = Request.Headers[ApiKeyHeader].ToString();
            if (key.Length == 0)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            return Task.FromResult(agents.ByApiKey(key) is { } agent
                ? AuthenticateResult.Success(new AuthenticationTicket(AgentDirectory.Principal(agent, ApiKeyScheme), ApiKeyScheme))
                : AuthenticateResult.Fail("The API key is not valid."));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
            Problem(Context, StatusCodes.Status401Unauthorized, "Sign in first", "The X-Api-Key is not valid.");
    }
}
