using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace SupportBot.Drafting;

/// <summary>
/// The chat a drafter is given for one reply. Instructions go in the system message only; the shopper's words are
/// the user message; everything the bot looked up (help-centre passages, the shopper's profile) follows as tool
/// calls and their results, the channel chat models treat as data. Nothing a shopper or an editor typed is ever
/// spliced into the instructions.
/// </summary>
internal static class GroundedChat
{
    public static ChatHistory Build(string systemPrompt, string question, KnowledgeSearchResult passages, ShopperProfile shopper)
    {
        var history = new ChatHistory(systemPrompt);
        history.AddUserMessage(question);
        var search = new FunctionCallContent(KnowledgePlugin.SearchFunction, KnowledgePlugin.PluginName, "grounding-search",
            new KernelArguments { ["query"] = question });
        var calls = new ChatMessageContent(AuthorRole.Assistant, [search]);
        FunctionCallContent? profile = null;
        if (shopper.FirstName is not null)
        {
            profile = new FunctionCallContent(ShopperPlugin.ProfileFunction, ShopperPlugin.PluginName, "grounding-shopper");
            calls.Items.Add(profile);
        }

        history.Add(calls);
        history.Add(new FunctionResultContent(search, passages).ToChatMessage());
        if (profile is not null)
        {
            history.Add(new FunctionResultContent(profile, shopper).ToChatMessage());
        }

        return history;
    }

    /// <summary>The shopper's last message and what was looked up after it, as a drafter reads them back.</summary>
    public static Grounding Read(ChatHistory history)
    {
        var lastUser = -1;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].Role == AuthorRole.User)
            {
                lastUser = i;
                break;
            }
        }

        var question = lastUser >= 0 ? history[lastUser].Content ?? "" : "";
        var passages = new List<KnowledgePassage>();
        var shopper = ShopperProfile.Anonymous;
        for (var i = lastUser + 1; i < history.Count; i++)
        {
            foreach (var item in history[i].Items)
            {
                switch (item)
                {
                    case FunctionResultContent { Result: KnowledgeSearchResult found }:
                        Add(passages, found);
                        break;
                    case FunctionResultContent { PluginName: KnowledgePlugin.PluginName, FunctionName: KnowledgePlugin.SearchFunction, Result: string json }:
                        // A search the model asked for: the kernel hands its result back already serialized.
                        Add(passages, Deserialize(json));
                        break;
                    case FunctionResultContent { Result: ShopperProfile profile }:
                        shopper = profile;
                        break;
                }
            }
        }

        return new Grounding(question, passages, shopper);
    }

    private static void Add(List<KnowledgePassage> passages, KnowledgeSearchResult? found) =>
        passages.AddRange(found?.Passages.Where(p => passages.TrueForAll(known => known.Id != p.Id)) ?? []);

    private static KnowledgeSearchResult? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<KnowledgeSearchResult>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What a drafter may use for one reply.</summary>
internal sealed record Grounding(string Question, IReadOnlyList<KnowledgePassage> Passages, ShopperProfile Shopper);
