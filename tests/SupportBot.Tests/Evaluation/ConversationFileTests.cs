using SupportBot.Evaluation.Conversations;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Evaluation;

/// <summary>Reading .chat (chatdown with assertions) and .transcript (Bot Framework transcripts) files.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class ConversationFileTests
{
    [Fact]
    public void Chat_HeadersTurnsTagsAndMultiLineBotText()
    {
        const string text = """
            # a comment
            name=Return window
            tolerance=exact
            user=Joe
            bot: Hi! I'm Pip.
            user: how long do I have to return something? [Typing]
            bot: You have **30 days**.
            See [our returns page](https://example.com/returns) for more. [Faq=return-window]
            [Intent=faq_returns_refunds] [Action=answer] [Suggestions=Start a return|Talk to a person]
            [Match=/\b[0-9]{2} days/i] [NoMatch=/60 days/] [HeroCard title=Order buttons=a|b] [Verified=no]
            user: talk to a person
            bot:
            [Handoff=requested] [Flow=none] [Step=need_proof] [Attachment=card.json adaptive]
            """;

        var (conversation, problems) = ChatFileParser.Parse(text, "eval/returns.chat");

        Assert.Empty(problems.Select(p => p.ToString()));
        Assert.Equal(("Return window", TextTolerance.Exact), (conversation!.Name, conversation.Tolerance));
        Assert.Equal(3, conversation.Turns.Count);
        Assert.True(conversation.Turns[0].IsStart);
        Assert.Equal(["Hi! I'm Pip."], conversation.Turns[0].BotTexts);
        var answer = conversation.Turns[1];
        Assert.Equal((6, "how long do I have to return something?"), (answer.Line, answer.UserText));
        Assert.Equal(["You have **30 days**.\nSee [our returns page](https://example.com/returns) for more."], answer.BotTexts);
        Assert.Equal(("return-window", "faq_returns_refunds", "answer", false), (answer.Faq, answer.Intent, answer.Action, answer.Verified));
        Assert.Equal(["Start a return", "Talk to a person"], answer.Suggestions);
        Assert.Equal([@"/\b[0-9]{2} days/i"], answer.Matches);
        Assert.Equal(["/60 days/"], answer.NoMatches);
        Assert.Equal(["hero"], answer.Cards);
        var handoff = conversation.Turns[2];
        Assert.Equal([null], handoff.BotTexts);
        Assert.Equal(("requested", "none", "need_proof"), (handoff.Handoff, handoff.Flow, handoff.Step));
        Assert.Equal(["adaptive"], handoff.Cards);
    }

    [Fact]
    public void Chat_Problems_AreReportedWithPathAndLine_AndTheFileIsNotRun()
    {
        const string text = """
            tolerance=fuzzy
            colour=blue
            user: hi
            [Intnet=greeting]
            bot: hello [Match=/(unclosed/]
            [Verified=maybe]
            """;

        var (conversation, problems) = ChatFileParser.Parse(text, "eval/bad.chat");

        Assert.Null(conversation);
        Assert.Equal(
            [
                "eval/bad.chat:1: tolerance 'fuzzy' is not exact, normalized or semantic",
                "eval/bad.chat:2: unknown header 'colour' (known: name, tolerance, locale, user, bot, channelId)",
            ],
            problems.Take(2).Select(p => p.ToString()));
        Assert.Contains(problems, p => p.Line == 4 && p.Message.StartsWith("unknown tag '[Intnet=greeting]'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 5 && p.Message.Contains("not a valid regular expression", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 6 && p.Message == "Verified=maybe: write yes or no");
    }

    [Fact]
    public void Chat_WithoutUserLines_IsAProblem()
    {
        var (_, problems) = ChatFileParser.Parse("bot: hello\n", "eval/empty.chat");

        Assert.Equal("eval/empty.chat:1: no user: lines: nothing to replay", Assert.Single(problems).ToString());
    }

    [Theory]
    [InlineData("""[{"type":"conversationUpdate","membersAdded":[{"id":"u"}]},{"type":"message","from":{"id":"u","role":"user"},"text":"hi","x-unknown":1}]""")]
    [InlineData("""{"transcript":[{"type":"message","from":{"id":"u","role":"user"},"text":"hi"}]}""")]
    [InlineData("""{"activities":[{"type":"typing"},{"type":"message","from":{"id":"u","role":"user"},"text":"hi"}]}""")]
    public void Transcript_TheShapesTheEmulatorWrites(string json)
    {
        var (conversation, problems) = TranscriptFileParser.Parse(json, "eval/t.transcript");

        Assert.Empty(problems);
        Assert.Equal("hi", conversation!.Turns.Single(t => !t.IsStart).UserText);
    }

    [Fact]
    public void Transcript_BotMessagesAreExpectations_AndOurDecisionTraceTheSemanticOnes()
    {
        const string json = """
            [
              {"type":"message","from":{"id":"bot","role":"bot"},"text":"Welcome!"},
              {"type":"message","from":{"id":"u","role":"user"},"text":"how long to return?"},
              {"type":"message","from":{"id":"bot","role":"bot"},"text":"30 days."},
              {"type":"trace","name":"SupportBot.Decision","from":{"id":"bot","role":"bot"},"value":{"action":"answer","intent":"faq_returns_refunds","faqId":"return-window"}},
              {"type":"message","from":{"id":"u","role":"user"},"text":"a person please"},
              {"type":"trace","name":"SupportBot.Decision","from":{"id":"bot","role":"bot"},"value":{"action":"handoff","intent":"talk_to_human","handoff":"requested"}},
              {"type":"message","from":{"id":"u","role":"user"},"text":"hello?"},
              {"type":"trace","name":"SupportBot.Decision","from":{"id":"bot","role":"bot"},"value":{"action":"with_agent","handoff":"requested"}}
            ]
            """;

        var (conversation, _) = TranscriptFileParser.Parse(json, "eval/t.transcript");

        var turns = conversation!.Turns;
        Assert.Equal(["Welcome!"], turns[0].BotTexts);
        Assert.Equal(["30 days."], turns[1].BotTexts);
        Assert.Equal(new RecordedDecision("faq_returns_refunds", "return-window", "none"), turns[1].Recorded);
        Assert.Equal("requested", turns[2].Recorded!.Handoff);
        Assert.Equal("none", turns[3].Recorded!.Handoff);
    }

    [Theory]
    [InlineData("[{\"type\":\"message\",", "not valid JSON")]
    [InlineData("{\"turns\":[]}", "expected a JSON array of activities")]
    [InlineData("[{\"type\":\"message\",\"from\":{\"role\":\"bot\"},\"text\":\"hi\"}]", "no message from the shopper")]
    public void Transcript_Malformed_SaysWhy(string json, string reason)
    {
        var (conversation, problems) = TranscriptFileParser.Parse(json, "eval/t.transcript");

        Assert.Null(conversation);
        Assert.Contains(reason, Assert.Single(problems).Message, StringComparison.Ordinal);
    }
}
