using System.ComponentModel.DataAnnotations;

namespace SupportBot.Languages;

/// <summary>Settings of the <c>Languages</c> section: which languages a conversation may be in and how sure a switch must be (docs/LANGUAGES.md).</summary>
internal sealed class LanguageOptions : IValidatableObject
{
    public const string SectionName = "Languages";

    /// <summary>The two-letter codes a conversation may be in, each with its language model shipped (docs/LANGUAGES.md).</summary>
    /// <value>Default <c>en</c>, <c>fr</c>, <c>es</c>. An array, not a list: the configuration binder would add to a list's defaults.</value>
    public string[] Supported { get; set; } = ["en", "fr", "es"];

    /// <summary>A message switches the conversation's language only with at least this many distinct words once numbers and addresses are taken out.</summary>
    /// <value>Default 3.</value>
    [Range(1, 50)]
    public int MinWords { get; set; } = 3;

    /// <summary>How sure the detector must be to switch on a message of <see cref="MinWords"/> words.</summary>
    /// <value>Default 0.6 (tuned on eval/languages.jsonl, docs/LANGUAGES.md).</value>
    [Range(0.34, 1.0)]
    public double ShortFloor { get; set; } = 0.6;

    /// <summary>How sure it must be on a message of <see cref="LongWords"/> words or more; between the two the floor falls in a straight line.</summary>
    /// <value>Default 0.5.</value>
    [Range(0.34, 1.0)]
    public double LongFloor { get; set; } = 0.5;

    /// <summary>From this many distinct words on, a message needs only <see cref="LongFloor"/>.</summary>
    /// <value>Default 10.</value>
    [Range(1, 200)]
    public int LongWords { get; set; } = 10;

    /// <summary>Lingua's high-accuracy models (all n-gram sizes); false loads only trigrams: less memory and a faster start, worse on short text.</summary>
    /// <value>Default true.</value>
    public bool HighAccuracy { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Supported.Length == 0)
        {
            yield return new ValidationResult($"{SectionName}:Supported must name at least one language");
        }

        foreach (var code in Supported.Where(c => !LanguageCodes.IsKnown(c)))
        {
            yield return new ValidationResult($"{SectionName}:Supported: '{code}' is not a two-letter language code the detector knows");
        }

        foreach (var code in Supported.Where(c => LanguageCodes.IsKnown(c) && !Directory.Exists(Path.Combine(LinguaDetector.ModelsFolder, c.ToLowerInvariant()))))
        {
            yield return new ValidationResult($"{SectionName}:Supported: no language model for '{code}' in {LinguaDetector.ModelsFolder} (docs/LANGUAGES.md says how to ship one)");
        }

        if (LongFloor > ShortFloor)
        {
            yield return new ValidationResult($"{SectionName}:LongFloor must not be above {SectionName}:ShortFloor (the floor falls with length)");
        }

        if (LongWords < MinWords)
        {
            yield return new ValidationResult($"{SectionName}:LongWords must be at least {SectionName}:MinWords");
        }
    }

    /// <summary>The floor a message of <paramref name="words"/> distinct words must reach to switch the language.</summary>
    public double FloorFor(int words)
    {
        if (words < MinWords)
        {
            // Above any confidence: too few words never switch.
            return double.PositiveInfinity;
        }

        if (words >= LongWords || LongWords == MinWords)
        {
            return LongFloor;
        }

        var along = Math.Clamp((double)(words - MinWords) / (LongWords - MinWords), 0, 1);
        return ShortFloor - (along * (ShortFloor - LongFloor));
    }
}
