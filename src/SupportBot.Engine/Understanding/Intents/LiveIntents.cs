using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Knowledge;
using SupportBot.Storage;

namespace SupportBot.Understanding.Intents;

/// <summary>
/// The intent model in service: at start-up the cached model whose hash matches the knowledge is loaded, or one is
/// trained and cached; when editors change the knowledge, a new model is trained in the background and swapped in.
/// </summary>
internal sealed partial class LiveIntents : IHostedService, IDisposable
{
    private readonly LiveKnowledge _knowledge;
    private readonly IntentOptions _options;
    private readonly IntentModelStore _store;
    private readonly ILogger<LiveIntents> _logger;
    private readonly IntentEmbedder? _embedder;
    private readonly SemaphoreSlim _trainGate = new(1, 1);
    private IntentModel? _current;

    public LiveIntents(LiveKnowledge knowledge, IOptions<IntentOptions> options, IOptions<StorageOptions> storage, IHostEnvironment environment, ILogger<LiveIntents> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(environment);
        _knowledge = knowledge;
        _options = options.Value;
        _store = StoreFor(storage.Value, environment.ContentRootPath);
        _logger = logger;
        _embedder = IntentEmbedder.For(knowledge.Embeddings);
    }

    public IntentModel Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The intent model has not been loaded yet.");

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    public static IntentModelStore StoreFor(StorageOptions storage, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return new IntentModelStore(Path.Combine(storage.DataFolder(contentRoot), "models"));
    }

    /// <summary>The cached model for this knowledge, or a newly trained (and cached) one.</summary>
    public static async Task<(IntentModel Model, bool Trained)> LoadOrTrainAsync(KnowledgeBase knowledge, IntentOptions options, IntentModelStore store,
        bool force = false, IProgress<string>? progress = null, IntentEmbedder? embedder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var examples = IntentTrainingSet.From(knowledge);
        var hash = IntentClassifierTrainer.HashOf(examples, options, embedder?.ModelId);
        if (!force && store.TryLoad(hash, embedder) is { } cached)
        {
            return (cached, false);
        }

        var model = await IntentClassifierTrainer.TrainAsync(examples, null, options, progress, hash, embedder, cancellationToken).ConfigureAwait(false);
        store.Save(model);
        return (model, true);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync().ConfigureAwait(false);
        _knowledge.Reloaded += (_, status) =>
        {
            if (status.LastAttemptSucceeded)
            {
                _ = RefreshInBackgroundAsync();
            }
        };
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _trainGate.Dispose();

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await RefreshAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed retrain must not take the server down; the previous model keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTrainingFailed(ex);
        }
    }

    private async Task RefreshAsync()
    {
        await _trainGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var knowledge = _knowledge.Current.Knowledge;

            // Most knowledge edits (answer wording, policies) leave the training data as it was: nothing to load or train.
            var hash = IntentClassifierTrainer.HashOf(IntentTrainingSet.From(knowledge), _options, _embedder?.ModelId);
            if (Volatile.Read(ref _current)?.Info.Hash == hash)
            {
                return;
            }

            var (model, trained) = await Task.Run(() => LoadOrTrainAsync(knowledge, _options, _store, embedder: _embedder)).ConfigureAwait(false);

            Volatile.Write(ref _current, model);
            LogModelInService(model.Info.Hash, model.Info.Intents.Count, model.Info.Examples, trained ? "trained" : "loaded from cache", model.Info.TrainSeconds);
        }
        finally
        {
            _trainGate.Release();
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Intent model {Hash} in service: {Intents} intents from {Examples} examples ({How}, training took {Seconds:F1} s)")]
    private partial void LogModelInService(string hash, int intents, int examples, string how, double seconds);

    [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "Training the intent model failed; the previous model stays in service")]
    private partial void LogTrainingFailed(Exception exception);
}
