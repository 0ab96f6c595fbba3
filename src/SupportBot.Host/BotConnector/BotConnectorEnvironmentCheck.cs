using Microsoft.Extensions.Options;

namespace SupportBot.Host.BotConnector;

/// <summary>
/// The <c>BotConnector</c> rules that depend on where the server runs: the switches that make the endpoint trust its
/// callers exist for the Emulator on a developer's machine, and start-up refuses them anywhere else.
/// </summary>
internal sealed class BotConnectorEnvironmentCheck(IHostEnvironment environment) : IValidateOptions<BotConnectorOptions>
{
    private const string Section = BotConnectorOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, BotConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.ValidateInboundTokens && !environment.IsDevelopment())
        {
            failures.Add($"{Section}:ValidateInboundTokens=false is a Development-only setting (for the Emulator); this server runs as {environment.EnvironmentName}");
        }
        else if (!options.ValidateInboundTokens && (!string.IsNullOrEmpty(options.AppId) || !string.IsNullOrEmpty(options.AppPassword)))
        {
            failures.Add($"{Section}:ValidateInboundTokens=false is refused while {Section}:AppId or AppPassword is set: anyone could have the bot send its token to their own URL");
        }

        if (!environment.IsDevelopment())
        {
            RequireHttps(options.OpenIdMetadataUrl, nameof(options.OpenIdMetadataUrl), failures);
            RequireHttps(options.OutboundTokenEndpoint, nameof(options.OutboundTokenEndpoint), failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void RequireHttps(string url, string key, List<string> failures)
    {
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Section}:{key} must be an https URL outside Development; this server runs as {environment.EnvironmentName} (got '{url}')");
        }
    }
}
