using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace SupportBot.Understanding.Intents;

/// <summary>Training data that cannot make a classifier; the message says what to add.</summary>
internal sealed class IntentTrainingException(string message) : Exception(message);

/// <summary>
/// Trains the intent classifier: word 1–2-grams and character 3-grams (TF-IDF, L2-normalised) into a
/// multiclass linear model, probabilities calibrated by temperature scaling and the out-of-scope threshold chosen
/// on held-out data. docs/ARCHITECTURE.md ("Understanding intents") says why this design.
/// </summary>
internal static class IntentClassifierTrainer
{
    /// <summary>Bumped whenever the pipeline changes, so cached models trained by an older one are not reused.</summary>
    public const int PipelineVersion = 5;

    /// <summary>Share of each intent's examples held out for calibration when no validation set is given.</summary>
    private const double HeldOutShare = 0.15;

    /// <param name="language">The language the model reads (null: English, whose hashes are as they were before languages).</param>
    public static string HashOf(IEnumerable<IntentExample> examples, IntentOptions options, string? embeddingModel = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder()
            .Append(PipelineVersion).Append('|').Append(options.Trainer).Append('|').Append(options.MaxIterations).Append('|')
            .Append(embeddingModel).Append('|').Append(options.EmbeddingWeight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('|')
            .Append(options.OutOfScopeIntent).Append('|').Append(options.UseOutOfScopeClass).Append('|')
            .Append(options.OutOfScopeThreshold?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('|')
            .Append(options.OutOfScopeRecallWeight.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        if (IntentText.HashTagOf(language) is { } tag)
        {
            text.Append('|').Append(tag);
        }

        text.Append('\n');
        foreach (var example in examples.OrderBy(e => e.Intent, StringComparer.Ordinal).ThenBy(e => e.Text, StringComparer.Ordinal))
        {
            text.Append(example.Intent).Append('\t').Append(example.Text).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>
    /// Trains on <paramref name="train"/>; calibration and the out-of-scope threshold come from <paramref name="valid"/>,
    /// or from a held-out slice of the training data when it is null. <paramref name="hash"/> is stored with the
    /// model so a cache can tell which training data made it (see <see cref="HashOf"/>). With an
    /// <paramref name="embedder"/> every text's sentence vector joins its n-grams as features (embedded once, cached).
    /// <paramref name="language"/> (two-letter code, null for English) chooses how texts are normalised (<see cref="IntentText"/>).
    /// </summary>
    public static async Task<IntentModel> TrainAsync(IReadOnlyList<IntentExample> train, IReadOnlyList<IntentExample>? valid, IntentOptions options,
        IProgress<string>? progress = null, string hash = "", IntentEmbedder? embedder = null, string? language = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.StartNew();
        var usable = train.Where(e => !string.IsNullOrWhiteSpace(e.Text) && !string.IsNullOrWhiteSpace(e.Intent)).ToList();
        var inScope = usable.Select(e => e.Intent).Where(i => i != options.OutOfScopeIntent).Distinct(StringComparer.Ordinal).Count();
        if (usable.Count == 0)
        {
            throw new IntentTrainingException("the training set is empty: give examples as {\"text\": \"…\", \"intent\": \"…\"}");
        }

        if (inScope < 2)
        {
            throw new IntentTrainingException($"the training set has {inScope} intent(s) besides '{options.OutOfScopeIntent}'; a classifier needs at least two");
        }

        var ml = new MLContext(seed: 1);
        var (fit, held) = valid is null ? Split(usable) : (usable, valid.Where(e => !string.IsNullOrWhiteSpace(e.Text)).ToList());
        var features = await Features.OfAsync(embedder, options, [.. usable.Select(e => e.Text), .. held.Select(e => e.Text)], progress, cancellationToken)
            .ConfigureAwait(false);
        progress?.Report($"training on {fit.Count} examples");
        var model = Fit(ml, fit, options, features, language);
        var intents = model.Intents;

        progress?.Report($"calibrating on {held.Count} held-out examples");
        var provisional = new IntentModel(ml, model.Transformer, features.Describe(Info(options, intents, 1, 0, usable.Count, 0, language)));
        var scored = held
            .Where(e => Array.IndexOf(intents, e.Intent) >= 0 || e.Intent == options.OutOfScopeIntent)
            .Select(e => (Raw: RawScores(provisional, e.Text, features.VectorOf(e.Text)), Truth: Array.IndexOf(intents, e.Intent), e.Intent))
            .ToList();
        var temperature = Calibration.FitTemperature(scored.Where(s => s.Truth >= 0).Select(s => (s.Raw, s.Truth)).ToList());
        var calibrated = new IntentModel(ml, model.Transformer, features.Describe(Info(options, intents, temperature, 0, usable.Count, 0, language)));
        var threshold = options.OutOfScopeThreshold
            ?? ChooseThreshold(calibrated, scored.Select(s => (Calibration.Apply(s.Raw, temperature), s.Intent)).ToList(), options);

        if (valid is null)
        {
            // Calibration came from a held-out slice; the model that serves learns from every example.
            progress?.Report($"training on all {usable.Count} examples");
            model = Fit(ml, usable, options, features, language);
        }

        var info = features.Describe(Info(options, model.Intents, temperature, threshold, usable.Count, started.Elapsed.TotalSeconds, language) with { Hash = hash });
        return new IntentModel(ml, model.Transformer, info, embedder);
    }

    private static IntentModelInfo Info(IntentOptions options, string[] intents, double temperature, double threshold, int examples, double seconds, string? language) =>
        new(string.Empty, intents, options.OutOfScopeIntent, options.UseOutOfScopeClass, Math.Round(threshold, 4), temperature, options.Trainer, examples, Math.Round(seconds, 3))
        {
            Language = IntentText.IsEnglish(language) ? null : language,
        };

    private static float[] RawScores(IntentModel model, string text, float[]? vector)
    {
        // Temperature 1 leaves the model's own probabilities untouched (up to the log floor).
        var probabilities = model.Probabilities(text, vector);
        return [.. probabilities.Select(p => (float)p)];
    }

    /// <summary>The threshold that maximises in-scope accuracy + weight × out-of-scope recall on held-out data.</summary>
    private static double ChooseThreshold(IntentModel model, List<(double[] Probabilities, string Truth)> held, IntentOptions options)
    {
        // Each held-out decision depends on the threshold only through the best in-scope probability, so decide
        // once at threshold 0 and compare that probability with each candidate threshold.
        var decided = held.Select(h => (Decision: model.Decide(h.Probabilities, 0), h.Truth)).ToList();
        var inScope = decided.Count(h => h.Truth != options.OutOfScopeIntent);
        var outOfScope = decided.Count - inScope;
        if (inScope == 0 || outOfScope == 0)
        {
            return 0;
        }

        double best = 0, bestValue = double.MinValue;
        for (var step = 0; step < 100; step++)
        {
            var threshold = step / 100.0;
            int right = 0, caught = 0;
            foreach (var (decision, truth) in decided)
            {
                var rejected = decision.IsOutOfScope || decision.Alternatives[0].Confidence < threshold;
                if (truth == options.OutOfScopeIntent)
                {
                    caught += rejected ? 1 : 0;
                }
                else
                {
                    right += !rejected && decision.Intent == truth ? 1 : 0;
                }
            }

            var value = ((double)right / inScope) + (options.OutOfScopeRecallWeight * caught / outOfScope);
            if (value > bestValue + 1e-9)
            {
                (best, bestValue) = (threshold, value);
            }
        }

        return best;
    }

    private static (List<IntentExample> Fit, List<IntentExample> Held) Split(List<IntentExample> examples)
    {
        var random = new Random(7);
        var fit = new List<IntentExample>();
        var held = new List<IntentExample>();
        foreach (var group in examples.GroupBy(e => e.Intent, StringComparer.Ordinal))
        {
            var shuffled = group.OrderBy(_ => random.Next()).ToList();
            var take = shuffled.Count >= 4 ? Math.Max(1, (int)Math.Round(shuffled.Count * HeldOutShare)) : 0;
            held.AddRange(shuffled.Take(take));
            fit.AddRange(shuffled.Skip(take));
        }

        return (fit, held);
    }

    private static (ITransformer Transformer, string[] Intents) Fit(MLContext ml, List<IntentExample> examples, IntentOptions options, Features features, string? language)
    {
        // Intents are weighted to count equally: the FAQ topics bring hundreds of phrasings, a transactional intent
        // a few dozen examples, and unweighted the model would learn that nearly everything is an FAQ question.
        var counts = examples.GroupBy(e => e.Intent, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var balanced = (double)examples.Count / counts.Count;
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new IntentRow
        {
            Text = IntentText.Normalize(e.Text, language),
            Intent = e.Intent,
            Weight = (float)(balanced / counts[e.Intent]),
            Embedding = IntentRow.Scaled(features.VectorOf(e.Text), features.Dimensions, options.EmbeddingWeight),
        }), IntentRow.Schema(features.Dimensions));
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(IntentRow.Intent))
            .Append(ml.Transforms.Text.FeaturizeText(features.Enabled ? "Words" : "Features", Featurizer(), nameof(IntentRow.Text)));
        if (features.Enabled)
        {
            pipeline = pipeline.Append(ml.Transforms.Concatenate("Features", "Words", nameof(IntentRow.Embedding)));
        }

        var trained = pipeline.AppendCacheCheckpoint(ml).Append(Trainer(ml, options));
        var transformer = trained.Fit(data);
        var schema = transformer.GetOutputSchema(data.Schema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema["Score"].GetSlotNames(ref names);
        return (transformer, names.DenseValues().Select(n => n.ToString()).ToArray());
    }

    private static TextFeaturizingEstimator.Options Featurizer() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = Microsoft.ML.Transforms.Text.NgramExtractingEstimator.WeightingCriteria.TfIdf },
        CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false, Weighting = Microsoft.ML.Transforms.Text.NgramExtractingEstimator.WeightingCriteria.TfIdf },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    private static IEstimator<ITransformer> Trainer(MLContext ml, IntentOptions options) => options.Trainer switch
    {
        IntentTrainer.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                MaximumNumberOfIterations = options.MaxIterations,
                OptimizationTolerance = 1e-4f,
                HistorySize = 5,
                L1Regularization = 0,
                L2Regularization = 0.01f,
                ExampleWeightColumnName = nameof(IntentRow.Weight),
            }),
        IntentTrainer.LinearSvm => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options { NumberOfIterations = options.MaxIterations, ExampleWeightColumnName = nameof(IntentRow.Weight) }), useProbabilities: true),
        _ => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options { MaximumNumberOfIterations = options.MaxIterations, ExampleWeightColumnName = nameof(IntentRow.Weight) }),
    };

    /// <summary>The sentence vectors of a training run: every text embedded once (through the cache), or none.</summary>
    private sealed class Features
    {
        private readonly Dictionary<string, float[]> _vectors;

        private Features(IntentEmbedder? embedder, Dictionary<string, float[]> vectors, int dimensions, double weight)
        {
            Embedder = embedder;
            _vectors = vectors;
            Dimensions = dimensions;
            Weight = weight;
        }

        public IntentEmbedder? Embedder { get; }

        public bool Enabled => Embedder is not null;

        public int Dimensions { get; }

        public double Weight { get; }

        public static async Task<Features> OfAsync(IntentEmbedder? embedder, IntentOptions options, IReadOnlyList<string> texts, IProgress<string>? progress,
            CancellationToken cancellationToken)
        {
            if (embedder is null)
            {
                return new Features(null, new Dictionary<string, float[]>(StringComparer.Ordinal), 0, 0);
            }

            var distinct = texts.Distinct(StringComparer.Ordinal).ToList();
            progress?.Report($"embedding {distinct.Count} texts (cached ones are read from disk)");
            var vectors = await embedder.EmbedAllAsync(distinct, cancellationToken).ConfigureAwait(false);
            var byText = new Dictionary<string, float[]>(StringComparer.Ordinal);
            for (var i = 0; i < distinct.Count; i++)
            {
                byText[distinct[i]] = vectors[i];
            }

            return new Features(embedder, byText, vectors.Length > 0 ? vectors[0].Length : 1, options.EmbeddingWeight);
        }

        public float[]? VectorOf(string text) => _vectors.GetValueOrDefault(text);

        public IntentModelInfo Describe(IntentModelInfo info) => Enabled
            ? info with { EmbeddingModel = Embedder!.ModelId, EmbeddingDimensions = Dimensions, EmbeddingWeight = Weight }
            : info;
    }
}
