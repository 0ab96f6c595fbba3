using System.ComponentModel.DataAnnotations;

namespace SupportBot.Understanding.Intents;

/// <summary>The multiclass trainers the intent classifier can use; docs/EVALUATION.md compares them.</summary>
internal enum IntentTrainer
{
    /// <summary>Maximum entropy by stochastic dual coordinate ascent: fast, calibrated probabilities.</summary>
    SdcaMaximumEntropy,

    /// <summary>Maximum entropy by L-BFGS with L1+L2 regularisation.</summary>
    LbfgsMaximumEntropy,

    /// <summary>One linear SVM per intent, probabilities through a calibrator.</summary>
    LinearSvm,
}

/// <summary>Settings of the <c>Understanding</c> section: how intents are learned and when a message is out of scope.</summary>
internal sealed class IntentOptions
{
    public const string SectionName = "Understanding";

    /// <value>Default <see cref="IntentTrainer.LbfgsMaximumEntropy"/> (docs/EVALUATION.md compares the trainers).</value>
    public IntentTrainer Trainer { get; set; } = IntentTrainer.LbfgsMaximumEntropy;

    /// <summary>The intent name of the out-of-scope examples in knowledge/intents.</summary>
    /// <value>Default <c>out_of_scope</c>.</value>
    [Required(AllowEmptyStrings = false)]
    public string OutOfScopeIntent { get; set; } = "out_of_scope";

    /// <summary>Predicting the trained out-of-scope class makes a message out of scope.</summary>
    /// <value>Default true.</value>
    public bool UseOutOfScopeClass { get; set; } = true;

    /// <summary>
    /// A message whose best in-scope intent is below this calibrated probability is out of scope. Empty: chosen
    /// on validation data at training time (held out from the training data when no validation set is given).
    /// </summary>
    /// <value>Default empty (chosen on validation data).</value>
    [Range(0.0, 1.0)]
    public double? OutOfScopeThreshold { get; set; }

    /// <summary>How much out-of-scope recall is worth against in-scope accuracy when the threshold is chosen.</summary>
    /// <value>Default 0.5: one point of in-scope accuracy is worth two points of out-of-scope recall.</value>
    [Range(0.0, 10.0)]
    public double OutOfScopeRecallWeight { get; set; } = 0.5;

    /// <summary>
    /// With embeddings: how much the message's sentence vector weighs beside its word and character n-grams (both
    /// are unit length before this factor).
    /// </summary>
    /// <value>Default 1.0.</value>
    [Range(0.0, 10.0)]
    public double EmbeddingWeight { get; set; } = 1.0;

    /// <summary>
    /// With embeddings: whether the other languages' models (<c>intents/&lt;lang&gt;/</c>) read sentence vectors too. The
    /// packaged sentence model is English, so they read words only unless a language's tuning set says vectors help.
    /// </summary>
    /// <value>Default false.</value>
    public bool EmbeddingsInOtherLanguages { get; set; }

    /// <summary>
    /// Whether the other languages' models are loaded (or trained) in the background as soon as the default language's
    /// serves, rather than on each language's first message. Either way a message in a language waits for that
    /// language's model rather than being read by another's. Off by default: start-up stays what it was, and a host
    /// that never sees a language (a test, one scripted conversation) never loads its model; <c>supportbot train</c>
    /// caches every language's model, so a first message waits for a load from disk, not for training.
    /// </summary>
    /// <value>Default false.</value>
    public bool PrepareLanguagesAtStart { get; set; }

    /// <summary>Upper bound on the trainer's iterations (L-BFGS steps, or passes over the data for the others).</summary>
    /// <value>Default 60: enough to converge on 15,000 examples in well under a minute on two cores.</value>
    [Range(1, 1000)]
    public int MaxIterations { get; set; } = 60;
}
