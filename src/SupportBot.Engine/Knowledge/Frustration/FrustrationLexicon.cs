namespace SupportBot.Knowledge.Frustration;

/// <summary>A phrase of the frustration lexicon and what it adds to (or, for a softener, takes from) a message's score.</summary>
internal sealed record WeightedPhrase(string Text, double Weight);

/// <summary>The weights of the signals read from a message's shape rather than its words; 0 turns a signal off.</summary>
internal sealed record FrustrationSignalWeights(double Shouting, double Emphasis, double Exclamations, double QuestionMarks, double RepeatedQuestion)
{
    public const string ShoutingName = "shouting";
    public const string EmphasisName = "emphasis";
    public const string ExclamationsName = "exclamations";
    public const string QuestionMarksName = "question_marks";
    public const string RepeatedQuestionName = "repeated_question";

    /// <summary>The signal names as editors write them in <c>frustration.yml</c> and as they appear in a reading.</summary>
    public static IReadOnlyList<string> Names { get; } = [ShoutingName, EmphasisName, ExclamationsName, QuestionMarksName, RepeatedQuestionName];
}

/// <summary>
/// The editors' frustration lexicon (<c>knowledge/frustration.yml</c>): weighted phrases, softeners, negation words and
/// signal weights, compiled into a matcher once when the lexicon is built. A message whose
/// score (read by the handoff rules' <c>FrustrationDetector</c>) reaches the threshold counts as frustrated.
/// </summary>
internal sealed record FrustrationLexicon
{
    /// <summary>The score at which a message counts as frustrated when <c>Handoff:FrustrationThreshold</c> is not set.</summary>
    /// <value>1.0: one strong phrase ("ridiculous"), a message mostly in capitals, or two weaker signals together.</value>
    public const double DefaultThreshold = 1.0;

    public const string FileName = "frustration.yml";

    public FrustrationLexicon(
        IReadOnlyList<WeightedPhrase> phrases,
        IReadOnlyList<WeightedPhrase> softeners,
        IReadOnlyList<string> negations,
        FrustrationSignalWeights signals,
        SourceLocation source)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentNullException.ThrowIfNull(softeners);
        ArgumentNullException.ThrowIfNull(negations);
        ArgumentNullException.ThrowIfNull(signals);
        Phrases = phrases;
        Softeners = softeners;
        Negations = negations;
        Signals = signals;
        Source = source;
        Matcher = PhraseMatcher.Build(phrases, softeners, negations);
    }

    /// <summary>Words and phrases that add their weight when a message contains them.</summary>
    public IReadOnlyList<WeightedPhrase> Phrases { get; }

    /// <summary>Phrases that take their weight away ("no rush", "lol"): a calm or joking message.</summary>
    public IReadOnlyList<WeightedPhrase> Softeners { get; }

    /// <summary>Words that cancel a phrase one or two words after them in the same clause ("not angry").</summary>
    public IReadOnlyList<string> Negations { get; }

    public FrustrationSignalWeights Signals { get; }

    /// <summary>The file the lexicon came from, or the built-in copy.</summary>
    public SourceLocation Source { get; }

    internal PhraseMatcher Matcher { get; }
}
