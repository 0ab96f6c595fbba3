using System.ComponentModel.DataAnnotations;

namespace SupportBot.Knowledge;

/// <summary>Settings of the <c>Knowledge</c> section: where the editors' files are and how they are searched.</summary>
internal sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The knowledge folder, relative to the folder holding appsettings.json.</summary>
    /// <value>Default <c>knowledge</c>.</value>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "knowledge";

    /// <summary>The locale of entries that do not name one.</summary>
    /// <value>Default <c>en-US</c>.</value>
    [Required(AllowEmptyStrings = false)]
    public string DefaultLocale { get; set; } = "en-US";

    /// <summary>Files larger than this are rejected, so a pasted binary cannot stall a reload.</summary>
    /// <value>Default 262,144 bytes (256 KiB).</value>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 256 * 1024;

    /// <summary>Rebuild the index when a knowledge file changes.</summary>
    /// <value>Default true.</value>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>How long to wait for an editor's save to settle before rebuilding.</summary>
    /// <value>Default 300 ms.</value>
    [Range(0, 10_000)]
    public int ReloadDebounceMilliseconds { get; set; } = 300;

    /// <summary>How the index scores matches.</summary>
    [Required]
    public SearchOptions Search { get; set; } = new();
}

/// <summary>Settings of <c>Knowledge:Search</c>: field weights, typo tolerance and the confidence bar.</summary>
internal sealed class SearchOptions
{
    /// <value>Default 2.0.</value>
    [Range(0.0, 100.0)]
    public float TitleBoost { get; set; } = 2.0f;

    /// <value>Default 3.0.</value>
    [Range(0.0, 100.0)]
    public float QuestionsBoost { get; set; } = 3.0f;

    /// <value>Default 1.0.</value>
    [Range(0.0, 100.0)]
    public float AnswerBoost { get; set; } = 1.0f;

    /// <value>Default 1.5.</value>
    [Range(0.0, 100.0)]
    public float TagsBoost { get; set; } = 1.5f;

    /// <summary>Weight of a word found through <c>synonyms.txt</c> relative to the shopper's own word.</summary>
    /// <value>Default 0.8.</value>
    [Range(0.0, 1.0)]
    public float SynonymWeight { get; set; } = 0.8f;

    /// <summary>Correct misspelled words (one edit for words of 4–7 letters, two from 8).</summary>
    /// <value>Default true.</value>
    public bool TypoTolerance { get; set; } = true;

    /// <summary>Weight of a typo-corrected word relative to a correctly spelled one.</summary>
    /// <value>Default 0.7.</value>
    [Range(0.0, 1.0)]
    public float TypoWeight { get; set; } = 0.7f;

    /// <summary>Extra weight when the shopper's words stand close together in a phrasing, as they do in the question.</summary>
    /// <value>Default 1.5.</value>
    [Range(0.0, 100.0)]
    public float ProximityBoost { get; set; } = 1.5f;

    /// <summary>
    /// With embeddings: the share of an answer's score that comes from meaning (the cosine of the question and the
    /// entry's nearest text, scaled between <see cref="SemanticFloor"/> and <see cref="SemanticCeiling"/>); the rest
    /// comes from the words. Tuned on the editors' working set (docs/ARCHITECTURE.md, "How confident is an answer?").
    /// </summary>
    /// <value>Default 0.4.</value>
    [Range(0.0, 1.0)]
    public double SemanticWeight { get; set; } = 0.4;

    /// <summary>A cosine at or below this counts as no likeness in meaning at all.</summary>
    /// <value>Default 0.25.</value>
    [Range(-1.0, 1.0)]
    public double SemanticFloor { get; set; } = 0.25;

    /// <summary>A cosine at or above this counts as the same meaning.</summary>
    /// <value>Default 0.75.</value>
    [Range(-1.0, 1.0)]
    public double SemanticCeiling { get; set; } = 0.75;

    /// <summary>How much a passage of the answer counts against the entry's own title and phrasings.</summary>
    /// <value>Default 1.0 (as much).</value>
    [Range(0.0, 1.0)]
    public double AnswerPassageWeight { get; set; } = 1.0;

    /// <summary>
    /// With embeddings, an entry is never confident (its confidence stays just under <see cref="MinConfidence"/>) when
    /// the question is nearer in meaning to one of the out-of-scope examples in <c>knowledge/intents/out_of_scope.yml</c>
    /// than to anything the entry says, less this margin.
    /// </summary>
    /// <value>Default 0.05.</value>
    [Range(0.0, 1.0)]
    public double OutOfScopeMargin { get; set; } = 0.05;

    /// <summary>Entries nearest in meaning that join Lucene's candidates.</summary>
    /// <value>Default 10.</value>
    [Range(1, 1000)]
    public int SemanticCandidates { get; set; } = 10;

    /// <summary>
    /// Two entries whose confidences are this close at the top are genuinely close: the shopper is asked "Did you
    /// mean…?" instead of getting one of them (see <see cref="Search.AnswerDecision"/>).
    /// </summary>
    /// <value>Default 0.01.</value>
    [Range(0.0, 1.0)]
    public double TieMargin { get; set; } = 0.01;

    /// <summary>Below <see cref="MinConfidence"/> but at or above this, an answer that leads the runner-up by <see cref="ClearLead"/> is given.</summary>
    /// <value>Default 0.40.</value>
    [Range(0.0, 1.0)]
    public double ClearLeadConfidence { get; set; } = 0.40;

    /// <summary>See <see cref="ClearLeadConfidence"/>.</summary>
    /// <value>Default 0.08.</value>
    [Range(0.0, 1.0)]
    public double ClearLead { get; set; } = 0.08;

    /// <summary>Below the answer's level but at or above this, the best entries are offered as "Did you mean…?" instead of a guess.</summary>
    /// <value>Default 0.25.</value>
    [Range(0.0, 1.0)]
    public double SuggestionConfidence { get; set; } = 0.25;

    /// <summary>Entries whose confidence is within this margin of a given answer are offered after it, as related questions.</summary>
    /// <value>Default 0.08.</value>
    [Range(0.0, 1.0)]
    public double AlternativeMargin { get; set; } = 0.08;

    /// <summary>Answers below this confidence are treated as "not sure" (the handoff gate reads it).</summary>
    /// <value>Default 0.45.</value>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.45;
}
