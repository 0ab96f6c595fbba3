using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace SupportBot.Understanding.Intents;

/// <summary>The row the ML.NET pipeline reads.</summary>
internal sealed class IntentRow
{
    public string Text { get; set; } = "";

    public string Intent { get; set; } = "";

    public float Weight { get; set; } = 1;

    /// <summary>The message's sentence vector times the embedding weight; one zero without embeddings.</summary>
    public float[] Embedding { get; set; } = [0];

    /// <summary>The row's schema with the embedding's size fixed (ML.NET needs it known to join it to the n-grams).</summary>
    public static SchemaDefinition Schema(int dimensions)
    {
        var schema = SchemaDefinition.Create(typeof(IntentRow));
        schema[nameof(Embedding)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Math.Max(1, dimensions));
        return schema;
    }

    /// <summary>A vector scaled for the row; zeros when there is none (embeddings failed for this message).</summary>
    public static float[] Scaled(float[]? vector, int dimensions, double weight)
    {
        var row = new float[Math.Max(1, dimensions)];
        if (vector is not null && vector.Length == row.Length)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(vector, (float)weight, row);
        }

        return row;
    }
}

/// <summary>The per-intent probabilities the pipeline writes.</summary>
internal sealed class IntentRowScores
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}

/// <summary>
/// What was decided at training time besides the ML.NET model itself. <see cref="Language"/> is the two-letter code of
/// the language the model reads (its text handling, <see cref="IntentText"/>); null, as in models cached before
/// languages, is English.
/// </summary>
internal sealed record IntentModelInfo(
    string Hash,
    IReadOnlyList<string> Intents,
    string OutOfScopeIntent,
    bool UseOutOfScopeClass,
    double Threshold,
    double Temperature,
    IntentTrainer Trainer,
    int Examples,
    double TrainSeconds,
    string? EmbeddingModel = null,
    int EmbeddingDimensions = 0,
    double EmbeddingWeight = 0,
    string? Language = null);

/// <summary>
/// A trained intent classifier. Thread-safe: ML.NET prediction engines are not, so each call borrows one from a pool.
/// </summary>
internal sealed class IntentModel
{
    private readonly ObjectPool<PredictionEngine<IntentRow, IntentRowScores>> _engines;
    private readonly string[] _intents;
    private readonly int _outOfScopeIndex;
    private readonly IntentEmbedder? _embedder;

    internal IntentModel(MLContext ml, ITransformer transformer, IntentModelInfo info, IntentEmbedder? embedder = null)
    {
        _embedder = info.EmbeddingModel is null ? null : embedder;
        Ml = ml;
        Transformer = transformer;
        Info = info;
        _intents = [.. info.Intents];
        _outOfScopeIndex = Array.IndexOf(_intents, info.OutOfScopeIntent);
        _engines = new DefaultObjectPool<PredictionEngine<IntentRow, IntentRowScores>>(
            new EnginePolicy(ml, transformer, IntentRow.Schema(info.EmbeddingDimensions)), Environment.ProcessorCount * 4);
    }

    public IntentModelInfo Info { get; }

    internal MLContext Ml { get; }

    internal ITransformer Transformer { get; }

    /// <summary>Whether this model reads sentence vectors as well as words.</summary>
    public bool UsesEmbeddings => Info.EmbeddingModel is not null;

    /// <summary>The intent of a message, embedded here first when the model reads sentence vectors (callers without a turn's vector).</summary>
    public async Task<IntentPrediction> PredictAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = UsesEmbeddings && _embedder is not null ? await _embedder.EmbedAsync(text, cancellationToken).ConfigureAwait(false) : null;
        return Predict(text, vector);
    }

    /// <summary>
    /// The intent of a message. A model trained with embeddings reads <paramref name="vector"/> (the turn's, shared
    /// with retrieval; <see cref="PredictAsync"/> embeds it); without one it reads the words only.
    /// </summary>
    public IntentPrediction Predict(string text, float[]? vector = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var probabilities = Probabilities(text, vector);
        return Decide(probabilities, Info.Threshold);
    }

    /// <summary>Calibrated probability of every intent, in <see cref="IntentModelInfo.Intents"/> order.</summary>
    internal double[] Probabilities(string text, float[]? vector = null)
    {
        var row = new IntentRow
        {
            Text = IntentText.Normalize(text, Info.Language),
            Embedding = IntentRow.Scaled(UsesEmbeddings ? vector : null, Info.EmbeddingDimensions, Info.EmbeddingWeight),
        };
        var engine = _engines.Get();
        try
        {
            var raw = engine.Predict(row).Score;
            return Calibration.Apply(raw, Info.Temperature);
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    /// <summary>The decision for given probabilities and out-of-scope threshold (evaluation tries several thresholds).</summary>
    internal IntentPrediction Decide(double[] probabilities, double threshold)
    {
        var ranked = TopInScope(probabilities, 3);
        var best = ranked.Count > 0 ? ranked[0] : new IntentScore(Info.OutOfScopeIntent, 0);
        var outOfScopeProbability = _outOfScopeIndex >= 0 ? probabilities[_outOfScopeIndex] : 0;
        if (Info.UseOutOfScopeClass && _outOfScopeIndex >= 0 && outOfScopeProbability > best.Confidence)
        {
            return new IntentPrediction(Info.OutOfScopeIntent, Math.Round(outOfScopeProbability, 4), true, ranked);
        }

        if (best.Confidence < threshold)
        {
            return new IntentPrediction(Info.OutOfScopeIntent, Math.Round(1 - best.Confidence, 4), true, ranked);
        }

        return new IntentPrediction(best.Intent, best.Confidence, false, ranked);
    }

    /// <summary>The best in-scope intents by a single pass (no sort of every intent on the hot path).</summary>
    private List<IntentScore> TopInScope(double[] probabilities, int count)
    {
        Span<int> top = stackalloc int[count];
        top.Fill(-1);
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (i == _outOfScopeIndex)
            {
                continue;
            }

            for (var slot = 0; slot < count; slot++)
            {
                if (top[slot] < 0 || probabilities[i] > probabilities[top[slot]])
                {
                    for (var move = count - 1; move > slot; move--)
                    {
                        top[move] = top[move - 1];
                    }

                    top[slot] = i;
                    break;
                }
            }
        }

        var ranked = new List<IntentScore>(count);
        foreach (var index in top)
        {
            if (index >= 0)
            {
                ranked.Add(new IntentScore(_intents[index], Math.Round(probabilities[index], 4)));
            }
        }

        return ranked;
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer transformer, SchemaDefinition schema) : PooledObjectPolicy<PredictionEngine<IntentRow, IntentRowScores>>
    {
        public override PredictionEngine<IntentRow, IntentRowScores> Create() =>
            ml.Model.CreatePredictionEngine<IntentRow, IntentRowScores>(transformer, inputSchemaDefinition: schema);

        public override bool Return(PredictionEngine<IntentRow, IntentRowScores> obj) => true;
    }
}
