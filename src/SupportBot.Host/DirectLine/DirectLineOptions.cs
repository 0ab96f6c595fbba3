using System.ComponentModel.DataAnnotations;
using System.Text;

namespace SupportBot.Host.DirectLine;

/// <summary>Settings of the <c>DirectLine</c> section.</summary>
internal sealed class DirectLineOptions : IValidatableObject
{
    public const string SectionName = "DirectLine";

    /// <summary>A shorter secret could be guessed; 32 bytes is what the generated one has.</summary>
    public const int MinSecretBytes = 32;

    /// <summary>
    /// The master secret a shop's backend uses to mint conversation tokens (from the environment in production:
    /// <c>DirectLine__Secret</c>), at least 32 bytes. Empty: a random secret is made at start-up and never printed.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a conversation token is valid; Web Chat refreshes it halfway.</summary>
    /// <value>Default 1800 s.</value>
    [Range(60, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 1800;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Secret) && Encoding.UTF8.GetByteCount(Secret) < MinSecretBytes)
        {
            // The secret itself is never echoed, only its length.
            yield return new ValidationResult(
                $"DirectLine:Secret must be at least {MinSecretBytes} bytes (got {Encoding.UTF8.GetByteCount(Secret)}); make one with: openssl rand -hex 32");
        }
    }
}
