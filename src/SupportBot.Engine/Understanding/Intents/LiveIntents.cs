using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Intents;
using SupportBot.Storage;

namespace SupportBot.Understanding.Intents;

/// <summary>
/// The intent models in service, one per language. At start-up the default language's cached model whose hash matches
/// the knowledge is loaded, or one is trained and cached; when editors change the knowledge, a new model is trained in
/// the background and swapped in. Every other language with intent files (<c>intents/&lt;lang&gt;/</c>) has its own
/// model, loaded (or trained) on the language's first message, or in the background once the default one serves
/// (<see cref="IntentOptions.PrepareLanguagesAtStart"/>); <see cref="ForAsync"/> waits for it rather than read a message
/// with another language's model. A language in use whose training data changes is trained again at once, its
/// previous model serving meanwhile.
/// </summary>
internal sealed partial class LiveIntents : IHostedService, IDisposable
{
    private readonly LiveKnowledge _knowledge;
    private readonly IntentOptions _options;
    private readonly IntentModelStore _store;
    private readonly ILogger<LiveIntents> _logger;
    private readonly IntentEmbedder? _embedder;
    private readonly SemaphoreSlim _trainGate = new(1, 1);
    private readonly SemaphoreSlim _languageGate = new(1, 1);
    private IntentModel? _current;
    private IReadOnlyDictionary<string, LanguageIntentModel> _languages = new Dictionary<string, LanguageIntentModel>(StringComparer.Ordinal);

    public LiveIntents(LiveKnowledge knowledge, IOptions<IntentOptions> options, IOptions<StorageOptions> storage, IOptions<KnowledgeOptions> knowledgeOptions,
        IHostEnvironment environment, ILogger<LiveIntents> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(knowledgeOptions);
        ArgumentNullException.ThrowIfNull(environment);
        _knowledge = knowledge;
        _options = options.Value;
        _store = StoreFor(storage.Value, environment.ContentRootPath);
        _logger = logger;
        _embedder = IntentEmbedder.For(knowledge.Embeddings);
        DefaultLanguage = KnowledgeLanguages.Of(knowledgeOptions.Value.DefaultLocale);
    }

    /// <summary>The default language's model (the intent files directly in <c>intents/</c>).</summary>
    public IntentModel Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The intent model has not been loaded yet.");

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    /// <summary>The two-letter code of the default language, whose model is <see cref="Current"/>.</summary>
    public string DefaultLanguage { get; }

    /// <summary>Every language with a model of its own, the default one first.</summary>
    public IReadOnlyList<string> Languages => [DefaultLanguage, .. Volatile.Read(ref _languages).Keys.Order(StringComparer.Ordinal)];

    public static IntentModelStore StoreFor(StorageOptions storage, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return new IntentModelStore(Path.Combine(storage.DataFolder(contentRoot), "models"));
    }

    /// <summary>
    /// The model that reads messages in <paramref name="language"/> (two-letter code): the language's own, waiting while it
    /// is loaded or trained, or the default language's when the knowledge has no intents in that language (or null).
    /// </summary>
    public async ValueTask<IntentModel> ForAsync(string? language, CancellationToken cancellationToken = default)
    {
        if (language is null || language == DefaultLanguage || !Volatile.Read(ref _languages).TryGetValue(language, out var model))
        {
            return Current;
        }

        try
        {
            return await model.GetAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Logged as an error when training failed; the turn is still answered, by the only model there is.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogLanguageUnavailable(language, ex.Message);
            return Current;
        }
    }

    /// <summary>
    /// Loads (or trains) every language's model now and waits for them all: for a data folder that is prepared once and
    /// copied (the conversation runner), so no copy trains a model of its own. A failure is logged and left to
    /// <see cref="ForAsync"/>, as in service.
    /// </summary>
    public async Task PrepareLanguagesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var model in Volatile.Read(ref _languages).Values)
        {
            try
            {
                await model.GetAsync(cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Logged when training failed; a turn in that language falls back as ForAsync says.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                continue;
            }
        }
    }

    /// <summary>A language's model if it is ready (the default language's when it is), for health reports; never waits.</summary>
    public IntentModel? ReadyFor(string language) =>
        language == DefaultLanguage ? Volatile.Read(ref _current) : Volatile.Read(ref _languages).GetValueOrDefault(language)?.Serving;

    /// <summary>The cached model for this knowledge's default language, or a newly trained (and cached) one.</summary>
    public static Task<(IntentModel Model, bool Trained)> LoadOrTrainAsync(KnowledgeBase knowledge, IntentOptions options, IntentModelStore store,
        bool force = false, IProgress<string>? progress = null, IntentEmbedder? embedder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return LoadOrTrainAsync(IntentTrainingSet.From(knowledge), null, options, store, force, progress, embedder, cancellationToken);
    }

    /// <summary>The cached model for these examples in <paramref name="language"/> (null: English), or a newly trained (and cached) one.</summary>
    public static async Task<(IntentModel Model, bool Trained)> LoadOrTrainAsync(IReadOnlyList<IntentExample> examples, string? language, IntentOptions options,
        IntentModelStore store, bool force = false, IProgress<string>? progress = null, IntentEmbedder? embedder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var hash = IntentClassifierTrainer.HashOf(examples, options, embedder?.ModelId, language);
        if (!force && store.TryLoad(hash, embedder, language) is { } cached)
        {
            return (cached, false);
        }

        var model = await IntentClassifierTrainer.TrainAsync(examples, null, options, progress, hash, embedder, language, cancellationToken).ConfigureAwait(false);
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

    public void Dispose()
    {
        _trainGate.Dispose();
        _languageGate.Dispose();
    }

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
            var examples = IntentTrainingSet.From(knowledge, DefaultLanguage, DefaultLanguage);
            var hash = IntentClassifierTrainer.HashOf(examples, _options, _embedder?.ModelId, DefaultLanguage);
            if (Volatile.Read(ref _current)?.Info.Hash != hash)
            {
                var (model, trained) = await Task.Run(() => LoadOrTrainAsync(examples, DefaultLanguage, _options, _store, embedder: _embedder)).ConfigureAwait(false);
                Volatile.Write(ref _current, model);
                LogModelInService(DefaultLanguage, model.Info.Hash, model.Info.Intents.Count, model.Info.Examples, trained ? "trained" : "loaded from cache", model.Info.TrainSeconds);
            }

            RefreshLanguages(knowledge);
        }
        finally
        {
            _trainGate.Release();
        }
    }

    /// <summary>
    /// One model per other language with intent files: kept when its training data is unchanged, else replaced by one
    /// loaded or trained (now when the language is prepared at start or was already in use, else on its first message).
    /// </summary>
    private void RefreshLanguages(KnowledgeBase knowledge)
    {
        var before = Volatile.Read(ref _languages);
        var after = new Dictionary<string, LanguageIntentModel>(StringComparer.Ordinal);
        foreach (var language in knowledge.IntentTranslations.Languages.Where(l => l != DefaultLanguage))
        {
            var embedder = _options.EmbeddingsInOtherLanguages ? _embedder : null;
            var examples = IntentTrainingSet.From(knowledge, language, DefaultLanguage);
            var hash = IntentClassifierTrainer.HashOf(examples, _options, embedder?.ModelId, language);
            var old = before.GetValueOrDefault(language);
            if (old?.Hash == hash)
            {
                after[language] = old;
                continue;
            }

            var model = new LanguageIntentModel(hash, () => LoadOrTrainLanguageAsync(language, examples, embedder), old?.Serving);
            after[language] = model;
            if (_options.PrepareLanguagesAtStart || old?.Started == true)
            {
                model.Start();
            }
        }

        Volatile.Write(ref _languages, after);
    }

    /// <summary>One language's model, one language at a time and off the caller's thread (training takes seconds).</summary>
    private async Task<IntentModel> LoadOrTrainLanguageAsync(string language, IReadOnlyList<IntentExample> examples, IntentEmbedder? embedder)
    {
        await _languageGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var (model, trained) = await Task.Run(() => LoadOrTrainAsync(examples, language, _options, _store, embedder: embedder)).ConfigureAwait(false);
            LogModelInService(language, model.Info.Hash, model.Info.Intents.Count, model.Info.Examples, trained ? "trained" : "loaded from cache", model.Info.TrainSeconds);
            return model;
        }
        catch (Exception ex)
        {
            LogLanguageTrainingFailed(ex, language);
            throw;
        }
        finally
        {
            _languageGate.Release();
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Intent model {Hash} ({Language}) in service: {Intents} intents from {Examples} examples ({How}, training took {Seconds:F1} s)")]
    private partial void LogModelInService(string language, string hash, int intents, int examples, string how, double seconds);

    [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "Training the intent model failed; the previous model stays in service")]
    private partial void LogTrainingFailed(Exception exception);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Training the '{Language}' intent model failed; its previous model, if any, stays in service")]
    private partial void LogLanguageTrainingFailed(Exception exception, string language);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "No '{Language}' intent model ({Reason}): the default language's model reads this message")]
    private partial void LogLanguageUnavailable(string language, string reason);
}
