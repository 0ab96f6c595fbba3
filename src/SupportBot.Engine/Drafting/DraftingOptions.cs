using System.ComponentModel.DataAnnotations;
using SupportBot.Configuration;

namespace SupportBot.Drafting;

/// <summary>Who writes the bot's answers.</summary>
internal enum DraftingProvider
{
    /// <summary>Composed on this machine from the retrieved passages: no network, no key, deterministic.</summary>
    Local,

    /// <summary>Any OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI, Ollama, vLLM).</summary>
    OpenAI,
}

/// <summary>Settings of the <c>Drafting</c> section.</summary>
internal sealed class DraftingOptions : IValidatableObject
{
    public const string SectionName = "Drafting";

    /// <value>Default <c>Local</c>.</value>
    public DraftingProvider Provider { get; set; } = DraftingProvider.Local;

    /// <summary>The most a turn may wait for a model, function calls and retries included; then the local draft is sent.</summary>
    /// <value>Default 4 seconds.</value>
    [Range(0.1, 120.0)]
    public double BudgetSeconds { get; set; } = 4;

    public OpenAIDraftingOptions OpenAI { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Provider == DraftingProvider.OpenAI ? OpenAI.ValidateEndpoint(SectionName) : [];
}

/// <summary>Settings of <c>Drafting:OpenAI</c>: where the model is and how hard to try.</summary>
internal sealed class OpenAIDraftingOptions : ModelEndpointOptions;
