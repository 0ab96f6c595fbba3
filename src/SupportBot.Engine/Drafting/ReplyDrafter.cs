using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Polly.CircuitBreaker;
using SupportBot.Knowledge;
using SupportBot.Telemetry;
using SupportBot.Replies;

namespace SupportBot.Drafting;

/// <summary>
/// Writes the answer of a turn through Semantic Kernel. The local drafter composes it from the retrieved passages;
/// with a model configured, the model drafts from the same chat (and may search the help centre again through the
/// kernel's functions), and its draft is sent only if it keeps the rules in <see cref="ModelDraftCheck"/>. A model
/// that is slow, failing, or out of circuit is never the shopper's problem: the local draft goes out instead,
/// within <see cref="DraftingOptions.BudgetSeconds"/>.
/// </summary>
internal sealed partial class ReplyDrafter
{
    private readonly Kernel _kernel;
    private readonly IChatCompletionService? _model;
    private readonly LocalChatCompletionService _local;
    private readonly LiveKnowledge _knowledge;
    private readonly DraftingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ReplyDrafter> _logger;
    private readonly BotTelemetry _telemetry;

    public ReplyDrafter(Kernel kernel, LocalChatCompletionService local, LiveKnowledge knowledge, IOptions<DraftingOptions> options,
        TimeProvider time, ILogger<ReplyDrafter> logger, BotTelemetry telemetry)
    {
        _telemetry = telemetry;
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(options);
        _kernel = kernel;
        var service = kernel.GetRequiredService<IChatCompletionService>();
        _model = service is LocalChatCompletionService ? null : service;
        _local = local;
        _knowledge = knowledge;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The name recorded in each turn's decision for drafts the local drafter wrote.</summary>
    public const string LocalDrafter = "local";

    /// <summary>The name recorded for drafts a model wrote.</summary>
    public const string ModelDrafter = "model";

    public async Task<Draft> DraftAsync(DraftRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = _knowledge.Current.Knowledge.Prompt;
        var history = GroundedChat.Build(prompt.SystemPrompt, request.Question, KnowledgeSearchResult.From(request.Passages), request.Shopper);
        if (_model is null)
        {
            return await DraftLocallyAsync(history, fallback: null, lowConfidence: false, cancellationToken).ConfigureAwait(false);
        }

        var localHistory = new ChatHistory(history);
        string? fallback;
        try
        {
            var reply = await AskModelAsync(history, prompt, request, cancellationToken).ConfigureAwait(false);
            CountTokens(reply);
            var verdict = ModelDraftCheck.Check(reply.Content, GroundedChat.Read(history).Passages);
            _telemetry.ModelCalls.Add(1, new KeyValuePair<string, object?>("result", verdict.Accepted ? "ok" : "rejected"));
            if (verdict.Accepted)
            {
                var text = ReplyFooter.Append(verdict.Markdown!, verdict.Cited, prompt, _knowledge.Current.Knowledge.Responses, ReplyLanguage.Of(verdict.Cited.Count > 0 ? verdict.Cited[0].Language : null));
                return new Draft(text, ModelDrafter, verdict.Cited.Select(c => c.Id).ToList(), IsExcerpt: false, Fallback: null, LowConfidence: false);
            }

            LogRejected(verdict.Rejection!);
            return await DraftLocallyAsync(localHistory, verdict.Rejection, lowConfidence: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the provider or its SDK throws, the shopper gets an answer; the log keeps the cause.
            fallback = Classify(failure);
            _telemetry.ModelCalls.Add(1, new KeyValuePair<string, object?>("result", fallback));
            LogFailed(fallback, failure.GetType().Name, failure.Message);
        }

        return await DraftLocallyAsync(localHistory, fallback, lowConfidence: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The usage an OpenAI-compatible endpoint reports with its answer, when it reports one.</summary>
    private void CountTokens(ChatMessageContent reply)
    {
        if (reply.Metadata?.TryGetValue("Usage", out var usage) == true && usage is OpenAI.Chat.ChatTokenUsage tokens)
        {
            _telemetry.ModelTokens.Add(tokens.InputTokenCount, new KeyValuePair<string, object?>("kind", "input"));
            _telemetry.ModelTokens.Add(tokens.OutputTokenCount, new KeyValuePair<string, object?>("kind", "output"));
        }
    }

    private async Task<ChatMessageContent> AskModelAsync(ChatHistory history, ReplyPrompt prompt, DraftRequest request, CancellationToken cancellationToken)
    {
        // The turn's kernel carries the shopper and the conversation's order session for the functions the model may
        // call (the order functions check verification against it); the shared kernel is never changed.
        var kernel = _kernel.Clone();
        kernel.Data[ShopperPlugin.DataKey] = request.Shopper;
        if (request.Orders is not null)
        {
            kernel.Data[Orders.OrdersPlugin.SessionKey] = request.Orders;
        }

        var settings = new PromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
            ExtensionData = new Dictionary<string, object>(),
        };
        if (prompt.Temperature is { } temperature)
        {
            settings.ExtensionData["temperature"] = temperature;
        }

        if (prompt.MaxTokens is { } maxTokens)
        {
            settings.ExtensionData["max_tokens"] = maxTokens;
        }

        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(_options.BudgetSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        return await _model!.GetChatMessageContentAsync(history, settings, kernel, linked.Token).ConfigureAwait(false);
    }

    private async Task<Draft> DraftLocallyAsync(ChatHistory history, string? fallback, bool lowConfidence, CancellationToken cancellationToken)
    {
        var reply = await _local.GetChatMessageContentAsync(history, cancellationToken: cancellationToken).ConfigureAwait(false);
        var sources = reply.Metadata?.GetValueOrDefault(LocalChatCompletionService.SourcesKey) as IReadOnlyList<string> ?? [];
        var excerpt = reply.Metadata?.GetValueOrDefault(LocalChatCompletionService.ExcerptKey) is true;
        return new Draft(reply.Content ?? "", LocalDrafter, sources, excerpt, fallback, lowConfidence);
    }

    /// <summary>Why a model call failed, in the words the decision trace uses.</summary>
    private static string Classify(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BrokenCircuitException:
                    return DraftFallback.CircuitOpen;
                case OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException:
                    return DraftFallback.Timeout;
            }
        }

        return DraftFallback.ProviderError;
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Warning, Message = "The model's draft was not sent ({Reason}); the local draft was used")]
    private partial void LogRejected(string reason);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "The model could not draft ({Reason}: {Error}: {Detail}); the local draft was used")]
    private partial void LogFailed(string reason, string error, string detail);
}
