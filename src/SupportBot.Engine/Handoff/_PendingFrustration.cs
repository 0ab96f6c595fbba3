// Placeholder until the frustration detector branch is merged.
namespace SupportBot.Handoff;

public sealed record FrustrationReading(double Score, IReadOnlyList<string> Signals);

public static class FrustrationDetector
{
    public static FrustrationReading Read(object? lexicon, string text, IReadOnlyList<string> earlier) => new(0, []);
}
