using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Embeddings;
using SupportBot.Knowledge.Search;

namespace SupportBot.Knowledge;

/// <summary>A loaded knowledge base with its indexes, one per language: what every search of one moment sees.</summary>
internal sealed record KnowledgeSnapshot(KnowledgeBase Knowledge, KnowledgeIndexes Indexes, int Version, DateTimeOffset LoadedAt)
{
    /// <summary>The default language's index (<c>Indexes.For(language)</c> gives another language's).</summary>
    public KnowledgeIndex Index => Indexes.Default;

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, FaqEntry>> _titles = new(StringComparer.Ordinal);

    /// <summary>The default language's entries by their exact title (case-insensitive): a shopper who sends a title picked that entry from a button.</summary>
    public IReadOnlyDictionary<string, FaqEntry> ByTitle => TitlesIn(Knowledge.Language);

    /// <summary>One language's entries by their exact title, as <see cref="ByTitle"/>.</summary>
    public IReadOnlyDictionary<string, FaqEntry> TitlesIn(string language) => _titles.GetOrAdd(language, l => Knowledge.SearchedIn(l).Entries
        .GroupBy(e => e.Title.Trim(), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));
}

/// <summary>
/// What operators and editors see about the knowledge in service (<c>/readyz</c>, <c>/api/knowledge/status</c>).
/// Files in <see cref="Problems"/> are named relative to the knowledge folder: where the server keeps it is not shown.
/// </summary>
internal sealed record KnowledgeStatus(
    int Version,
    int Entries,
    DateTimeOffset? LoadedAt,
    DateTimeOffset? LastAttemptAt,
    bool LastAttemptSucceeded,
    IReadOnlyList<string> Problems);

/// <summary>
/// The knowledge in service. Loads at start-up and, while the server runs, rebuilds when an editor changes a
/// file under the knowledge folder: a change that validates replaces the index whole (searches in flight
/// finish on the old one); a change with errors is logged and the last good index stays in service.
/// At start-up there is no last good index, so entries with errors are left out and the rest are served.
/// </summary>
internal sealed partial class LiveKnowledge : IHostedService, IDisposable
{
    /// <summary>Searches that started on a replaced index get this long to finish before it is disposed.</summary>
    private static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(30);

    private readonly KnowledgeOptions _options;
    private readonly KnowledgeLoader _loader;
    private readonly ILogger<LiveKnowledge> _logger;
    private readonly TimeProvider _time;
    private readonly TextEmbeddings _embeddings;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly string _root;
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;
    private KnowledgeSnapshot? _current;
    private KnowledgeStatus _status;

    public LiveKnowledge(IOptions<KnowledgeOptions> options, IHostEnvironment environment, ILogger<LiveKnowledge> logger, TimeProvider time,
        TextEmbeddings? embeddings = null)
    {
        _embeddings = embeddings ?? TextEmbeddings.None;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _options = options.Value;
        _loader = new KnowledgeLoader(_options, pathsInFolder: true);
        _logger = logger;
        _time = time;
        _root = System.IO.Path.GetFullPath(_options.Path, environment.ContentRootPath);
        _status = new KnowledgeStatus(0, 0, null, null, false, []);
    }

    /// <summary>The knowledge in service; throws until start-up has loaded it.</summary>
    public KnowledgeSnapshot Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The knowledge base has not been loaded yet.");

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    public KnowledgeStatus Status => Volatile.Read(ref _status);

    public string RootPath => _root;

    /// <summary>The confidence below which an answer is not given on its own.</summary>
    public double MinConfidence => _options.Search.MinConfidence;

    /// <summary>The search's part of the answer decision's thresholds; the conversation adds its own.</summary>
    public SearchOptions SearchOptions => _options.Search;

    /// <summary>The embedding service the index (and the intent model) use; <see cref="TextEmbeddings.None"/> when off.</summary>
    public TextEmbeddings Embeddings => _embeddings;

    /// <summary>Raised after a reload attempt, successful or not; tests and the status endpoint use it.</summary>
    public event EventHandler<KnowledgeStatus>? Reloaded;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(initial: true, cancellationToken).ConfigureAwait(false);
        if (_options.WatchForChanges && Directory.Exists(_root))
        {
            _debounce = _time.CreateTimer(_ => _ = ReloadInBackgroundAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = new FileSystemWatcher(_root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Changed += OnFileEvent;
            _watcher.Created += OnFileEvent;
            _watcher.Deleted += OnFileEvent;
            _watcher.Renamed += OnFileEvent;
            _watcher.Error += (_, _) => ScheduleReload();
            _watcher.EnableRaisingEvents = true;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
        }

        return Task.CompletedTask;
    }

    /// <summary>Loads the folder now; returns whether the new content went into service.</summary>
    public Task<bool> ReloadAsync(CancellationToken cancellationToken = default) => ReloadAsync(initial: false, cancellationToken);

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _reloadGate.Dispose();
        _current?.Indexes.Dispose();
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e) => ScheduleReload();

    private void ScheduleReload() =>
        _debounce?.Change(TimeSpan.FromMilliseconds(_options.ReloadDebounceMilliseconds), Timeout.InfiniteTimeSpan);

    private async Task ReloadInBackgroundAsync()
    {
        try
        {
            await ReloadAsync(initial: false, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed background reload must never take the server down; the old index stays.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReloadCrashed(ex);
        }
    }

    private async Task<bool> ReloadAsync(bool initial, CancellationToken cancellationToken)
    {
        await _reloadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = _time.GetTimestamp();
            var knowledge = _loader.Load(_root);
            var problems = knowledge.Diagnostics.Select(d => d.ToString()).ToList();
            foreach (var diagnostic in knowledge.Diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    LogKnowledgeError(diagnostic.ToString());
                }
                else
                {
                    LogKnowledgeWarning(diagnostic.ToString());
                }
            }

            var previous = Volatile.Read(ref _current);
            var now = _time.GetUtcNow();
            if (knowledge.HasErrors && !initial && previous is not null)
            {
                LogKeptPrevious(knowledge.Errors.Count(), previous.Version);
                Publish(_status with { LastAttemptAt = now, LastAttemptSucceeded = false, Problems = problems });
                return false;
            }

            // Only texts that changed since the last build reach the model: the rest come from the vector cache.
            var indexes = await KnowledgeIndexes.BuildAsync(knowledge, _options.Search, _embeddings, cancellationToken).ConfigureAwait(false);
            var index = indexes.Default;
            var snapshot = new KnowledgeSnapshot(knowledge, indexes, (previous?.Version ?? 0) + 1, now);
            Volatile.Write(ref _current, snapshot);
            if (previous is not null)
            {
                _ = RetireAsync(previous.Indexes);
            }

            LogLoaded(index.Count, knowledge.FileCount, snapshot.Version, _time.GetElapsedTime(started).TotalMilliseconds);
            Publish(new KnowledgeStatus(snapshot.Version, index.Count, now, now, !knowledge.HasErrors, problems));
            return !knowledge.HasErrors;
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private void Publish(KnowledgeStatus status)
    {
        Volatile.Write(ref _status, status);
        Reloaded?.Invoke(this, status);
    }

    private async Task RetireAsync(KnowledgeIndexes indexes)
    {
        await Task.Delay(RetireAfter, _time).ConfigureAwait(false);
        indexes.Dispose();
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Knowledge loaded: {Entries} entries from {Files} files (version {Version}) in {Milliseconds:F0} ms")]
    private partial void LogLoaded(int entries, int files, int version, double milliseconds);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "{Diagnostic}")]
    private partial void LogKnowledgeError(string diagnostic);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{Diagnostic}")]
    private partial void LogKnowledgeWarning(string diagnostic);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Knowledge change not applied: {Errors} error(s); version {Version} stays in service")]
    private partial void LogKeptPrevious(int errors, int version);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Knowledge reload failed; the previous version stays in service")]
    private partial void LogReloadCrashed(Exception exception);
}
