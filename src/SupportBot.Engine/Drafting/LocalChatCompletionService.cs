using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;
using SupportBot.Knowledge;
using SupportBot.Replies;

namespace SupportBot.Drafting;

/// <summary>
/// The embedded drafter: a chat completion service that needs no model. It writes the reply from the grounding in
/// the chat (the best help-centre passage, cut to the part that addresses the question; the shopper's first name)
/// and the editors' wording (source label, sign-off). Every sentence it sends is copied from its grounding, so it
/// cannot state a fact it was not given; with no passage it says so.
/// </summary>
internal sealed class LocalChatCompletionService(LiveKnowledge knowledge) : IChatCompletionService
{
    public const string ModelId = "supportbot-local";

    /// <summary>The reply when the chat holds no passage to answer from.</summary>

    /// <summary>Metadata key listing the source ids a reply used.</summary>
    public const string SourcesKey = "sources";

    /// <summary>Metadata key set when the reply leaves part of its source out.</summary>
    public const string ExcerptKey = "excerpt";

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?> { [AIServiceExtensions.ModelIdKey] = ModelId };

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        IReadOnlyList<ChatMessageContent> reply = [Compose(GroundedChat.Read(chatHistory))];
        return Task.FromResult(reply);
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null, Kernel? kernel = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var message in await GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken).ConfigureAwait(false))
        {
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, message.Content, modelId: ModelId, metadata: message.Metadata);
        }
    }

    internal ChatMessageContent Compose(Grounding grounding)
    {
        var prompt = knowledge.Current.Knowledge.Prompt;
        var words = knowledge.Current.Knowledge.Responses;
        if (grounding.Passages.Count == 0)
        {
            return new ChatMessageContent(AuthorRole.Assistant, ReplyFooter.NotFound(words), ModelId,
                metadata: new Dictionary<string, object?> { [SourcesKey] = Array.Empty<string>() });
        }

        var source = grounding.Passages[0];
        var excerpt = AnswerExcerpt.Choose(grounding.Question, source);
        // The answer speaks its entry's language, and so do its greeting and footer.
        var language = ReplyLanguage.Of(source.Language);
        var text = ReplyFooter.Append(ReplyFooter.Greet(excerpt.Markdown, grounding.Shopper, words, language), [source], prompt, words, language);
        return new ChatMessageContent(AuthorRole.Assistant, text, ModelId, metadata: new Dictionary<string, object?>
        {
            [SourcesKey] = new[] { source.Id },
            [ExcerptKey] = !excerpt.IsWhole,
        });
    }
}
