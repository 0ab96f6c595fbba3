namespace SupportBot.Understanding.Intents;

/// <summary>
/// One language's intent model for one version of the training data: loaded or trained on first need (or ahead of it),
/// with the model of the previous version serving meanwhile when there is one.
/// </summary>
internal sealed class LanguageIntentModel
{
    private readonly Lazy<Task<IntentModel>> _model;
    private readonly IntentModel? _previous;
    private IntentModel? _ready;

    public LanguageIntentModel(string hash, Func<Task<IntentModel>> loadOrTrain, IntentModel? previous)
    {
        Hash = hash;
        _previous = previous;
        _model = new(async () =>
        {
            var model = await loadOrTrain().ConfigureAwait(false);
            Volatile.Write(ref _ready, model);
            return model;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The hash of the training data the model is (or will be) trained on.</summary>
    public string Hash { get; }

    /// <summary>Whether loading or training has begun.</summary>
    public bool Started => _model.IsValueCreated;

    /// <summary>The model once ready, or the previous version's meanwhile (or after a failed training); null when neither.</summary>
    public IntentModel? Serving => Volatile.Read(ref _ready) ?? _previous;

    /// <summary>Starts loading or training when it has not begun (no wait).</summary>
    public void Start() => _ = _model.Value;

    /// <summary>The model, waiting for it when no version serves yet; throws when training failed and no earlier version exists.</summary>
    public async ValueTask<IntentModel> GetAsync(CancellationToken cancellationToken)
    {
        var task = _model.Value;
        if (Volatile.Read(ref _ready) is { } ready)
        {
            return ready;
        }

        if (_previous is not null && (!task.IsCompleted || task.IsFaulted))
        {
            return _previous;
        }

        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
