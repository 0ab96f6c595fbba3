using Microsoft.Extensions.Options;
using SupportBot.Host.Security;

namespace SupportBot.Host.BotConnector;

/// <summary>
/// The <c>BotConnector</c> rules that depend on where the server runs: the switches that make the endpoint trust its
/// callers exist for the Emulator on a developer's machine, and start-up refuses them anywhere else
/// (<see cref="DevelopmentOnly"/>); with an App ID they are refused everywhere, since the bot's token could then be
/// sent to a caller's own URL.
/// </summary>
internal static class BotConnectorEnvironmentCheck
{
    private const string Section = BotConnectorOptions.SectionName;

    public static IServiceCollection AddBotConnectorEnvironmentCheck(this IServiceCollection services)
    {
        services.RefuseOutsideDevelopment<BotConnectorOptions>(DevelopmentOnlyFindings);
        services.AddSingleton<IValidateOptions<BotConnectorOptions>, CredentialsNeedValidation>();
        return services;
    }

    private static IEnumerable<string> DevelopmentOnlyFindings(BotConnectorOptions options)
    {
        if (!options.ValidateInboundTokens)
        {
            yield return $"{Section}:ValidateInboundTokens=false (for the Emulator) turns off inbound token checks";
        }

        foreach (var (url, key) in new[] { (options.OpenIdMetadataUrl, nameof(options.OpenIdMetadataUrl)), (options.OutboundTokenEndpoint, nameof(options.OutboundTokenEndpoint)) })
        {
            if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{Section}:{key} is not an https URL (got '{url}')";
            }
        }
    }

    private sealed class CredentialsNeedValidation : IValidateOptions<BotConnectorOptions>
    {
        public ValidateOptionsResult Validate(string? name, BotConnectorOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            return !options.ValidateInboundTokens && (!string.IsNullOrEmpty(options.AppId) || !string.IsNullOrEmpty(options.AppPassword))
                ? ValidateOptionsResult.Fail($"{Section}:ValidateInboundTokens=false is refused while {Section}:AppId or AppPassword is set: anyone could have the bot send its token to their own URL")
                : ValidateOptionsResult.Success;
        }
    }
}
