using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Host.Server;
using SupportBot.Knowledge;

namespace SupportBot.Host.Cli;

/// <summary>What every verb shares: the configuration overrides, where output goes, and the product's settings.</summary>
internal sealed class CliContext(string[] configArgs, TextReader input, TextWriter output, TextWriter error)
{
    public TextReader Input { get; } = input;

    public string[] ConfigArgs { get; } = configArgs;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public string ContentRoot { get; } = SettingsLocator.FindContentRoot();

    /// <summary>A host with the product's services and validated settings, for verbs that do not serve HTTP.</summary>
    /// <param name="settings">Settings of the verb's own, over the user's (<c>--Storage:DataPath</c>, …).</param>
    public IHost BuildToolHost(params string[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. ConfigArgs, .. settings],
            ContentRootPath = ContentRoot,
        });
        // A tool's standard output is its result (often JSON): logs go to standard error, and only warnings and errors.
        builder.Configuration.AddInMemoryCollection([
            new("Logging:LogLevel:Default", "Warning"),
            new("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning"),
        ]);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSupportBot();
        var host = builder.Build();

        // Tools never start the host, so run the start-up validation ourselves: a bad setting stops every verb alike.
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }

    /// <summary>The embedding service of <c>Embeddings:Provider</c> (vectors cached under the data folder, as the server's).</summary>
    public static SupportBot.Embeddings.TextEmbeddings Embeddings(IHost host) => host.Services.GetRequiredService<SupportBot.Embeddings.TextEmbeddings>();

    /// <summary>The validated Knowledge settings (throws <see cref="OptionsValidationException"/> on a bad value).</summary>
    public static KnowledgeOptions KnowledgeOptions(IHost host) => host.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;

    /// <summary>Loads and validates the knowledge folder (<paramref name="dir"/>, else the configured one); never throws on bad content.</summary>
    public KnowledgeBase LoadKnowledge(IHost host, string? dir = null) =>
        new KnowledgeLoader(KnowledgeOptions(host)).Load(KnowledgePath(host, dir));

    /// <summary>The knowledge folder: the one given on the command line, else the configured one.</summary>
    public string KnowledgePath(IHost host, string? given)
    {
        if (given is null)
        {
            return Path.GetFullPath(KnowledgeOptions(host).Path, ContentRoot);
        }

        var path = Path.GetFullPath(given);
        return Directory.Exists(path) ? path : throw new UsageException($"knowledge folder '{given}' does not exist");
    }
}
