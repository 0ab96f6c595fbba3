namespace SupportBot.Tests.Support;

/// <summary>
/// The engine with a data folder of its own (its own demo store, transcripts and handoff queue), started once for a
/// test class with the given settings.
/// </summary>
public abstract class OwnDataEngineFixture(params string[] settings) : IAsyncLifetime
{
    private readonly TempFolder _data = TempFolder.Create();
    private EngineHost? _host;

    internal EngineHost Host => _host!;

    /// <summary>A shopper's conversation as Direct Line brings it, or over an authenticated Bot Connector channel when <paramref name="botConnector"/>.</summary>
    internal EngineChat Chat(bool botConnector = false) => new(Host.Engine, "directline", "Ana Lima", botConnector);

    public async Task InitializeAsync() => _host = await EngineHost.StartAsync(["--Storage:DataPath", _data.Path, .. settings]);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _data.Dispose();
    }
}
