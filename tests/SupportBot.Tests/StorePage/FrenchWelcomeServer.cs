using SupportBot.Tests.Support;

namespace SupportBot.Tests.StorePage;

/// <summary>
/// One host for a test class: the shipped knowledge plus a tiny French conversation catalogue (only the welcome, the
/// rest said from conversation.yml), so the welcome's language shows whatever the shipped translations say.
/// </summary>
public sealed class FrenchWelcomeServer : IAsyncLifetime
{
    public const string Secret = "test-secret-0123456789-abcdef-0123456789";

    /// <summary>Without an apostrophe: Web Chat's Markdown would show it as a typographic one.</summary>
    public const string FrenchWelcome = "Bonjour ! Ici Pip, votre assistant virtuel chez Larkspur & Pine, en français.";

    private readonly TempFolder _knowledge = TempFolder.CopyOfKnowledge();

    private RunningServer? _server;

    internal RunningServer Server => _server ?? throw new InvalidOperationException("the server has not started");

    public async Task InitializeAsync()
    {
        _knowledge.Write("responses/conversation.fr.yml", "welcome: \"Bonjour ! Ici {persona}, votre assistant virtuel chez {store}, en français.\"\n");
        _server = await RunningServer.StartAsync("--Knowledge:Path", _knowledge.Path, "--Knowledge:WatchForChanges", "false", "--DirectLine:Secret", Secret);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _knowledge.Dispose();
    }
}
