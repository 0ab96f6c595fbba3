using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace SupportBot.Configuration;

/// <summary>
/// Validates an options class and its nested option objects with their DataAnnotations, naming each failure by
/// its configuration key (<c>Knowledge:Search:MinConfidence must be between 0 and 1</c>) so an operator
/// knows which setting to fix.
/// </summary>
internal sealed class SectionValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = new List<string>();
        Collect(options, sectionName, failures);
        if (failures.Count == 0 && options is IValidatableObject whole)
        {
            // Rules between settings (a provider that needs an endpoint) name their keys in their own messages.
            failures.AddRange(whole.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage ?? $"{sectionName} is not valid"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Collect(object target, string path, List<string> failures)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = $"{path}:{property.Name}";
            var value = property.GetValue(target);
            var results = new List<ValidationResult>();
            var context = new ValidationContext(target) { MemberName = property.Name, DisplayName = key };
            if (!Validator.TryValidateProperty(value, context, results))
            {
                failures.AddRange(results.Select(r => Describe(r, key, value)));
            }

            if (value is not null && property.PropertyType.IsClass && property.PropertyType != typeof(string)
                && value is not IEnumerable && property.PropertyType.Namespace?.StartsWith("SupportBot", StringComparison.Ordinal) == true)
            {
                Collect(value, key, failures);
            }
        }
    }

    private static string Describe(ValidationResult result, string key, object? value)
    {
        var message = (result.ErrorMessage ?? $"{key} is not valid").TrimEnd('.');
        var prefix = $"The field {key} ";
        if (message.StartsWith(prefix, StringComparison.Ordinal))
        {
            message = key + " " + message[prefix.Length..];
        }

        return $"{message} (got '{value}')";
    }
}
