namespace SupportBot.Storage;

/// <summary>
/// Something changed in the shared store that other parts of the system watch: a conversation's transcript grew
/// (<see cref="Transcript"/>, key = conversation id, value = its last sequence), or the handoff queue changed
/// (<see cref="Handoff"/>, key = ticket id, detail = what happened).
/// </summary>
internal sealed record Change(string Kind, string Key, long Value = 0, string? Detail = null)
{
    public const string Transcript = "transcript";
    public const string Handoff = "handoff";

    /// <summary>The key of a change that may concern everything of its kind (a feed that reconnected may have missed some).</summary>
    public const string Everything = "*";
}

/// <summary>
/// Tells every instance that shares the store what changed, this one included: in process on SQLite (one instance),
/// PostgreSQL <c>LISTEN/NOTIFY</c> across instances. A change says only <em>that</em> something changed; readers then
/// read the store, so a lost notice delays and never loses anything.
/// </summary>
internal interface IChangeFeed
{
    Task PublishAsync(Change change, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="handler"/> for every change of <paramref name="kind"/> from now on (on any thread); dispose to stop.</summary>
    IDisposable Subscribe(string kind, Action<Change> handler);
}
