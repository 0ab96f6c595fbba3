using Microsoft.Extensions.Options;

namespace SupportBot.Host.Security;

/// <summary>
/// The one place for settings that may only be used in Development (demo credentials, switches that turn a check
/// off). Outside Development each one found stops start-up with a line naming it (exit code 2), rather than a public
/// server running with a password everyone knows. Add a rule with <see cref="RefuseOutsideDevelopment{TOptions}"/>
/// next to the options it is about; the options must be validated on start (<c>AddValidatedOptions</c>).
/// </summary>
internal static class DevelopmentOnly
{
    /// <param name="findings">What in the options is for Development only, each as "key: what is wrong"; none when clean.</param>
    public static IServiceCollection RefuseOutsideDevelopment<TOptions>(this IServiceCollection services, Func<TOptions, IEnumerable<string>> findings)
        where TOptions : class =>
        services.AddSingleton<IValidateOptions<TOptions>>(provider => new Guard<TOptions>(provider.GetRequiredService<IHostEnvironment>(), findings));

    private sealed class Guard<TOptions>(IHostEnvironment environment, Func<TOptions, IEnumerable<string>> findings) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            if (environment.IsDevelopment())
            {
                return ValidateOptionsResult.Success;
            }

            var found = findings(options)
                .Select(f => $"{f}: allowed in Development only, and this server runs as {environment.EnvironmentName}")
                .ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
