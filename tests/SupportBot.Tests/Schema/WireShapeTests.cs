using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Drafting;
using SupportBot.Evaluation;
using SupportBot.Host.Views;
using SupportBot.Orders;
using SupportBot.Replies;
using SupportBot.Schema;
using SupportBot.Tests.Support;
using SupportBot.Understanding.Intents;

namespace SupportBot.Tests.Schema;

/// <summary>
/// The JSON other programs read, written out name by name: Bot Framework activities and the decision trace
/// (Web Chat, the Emulator, stored transcripts), the tool results a language model reads, and the evaluation
/// reports scripts parse. A change of serializer settings must leave every one of these strings as it is.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class WireShapeTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private const string EveryActivityField =
        """{"type":"message","id":"a1","timestamp":"2026-01-02T03:04:05+00:00","localTimestamp":"2026-01-02T04:04:05+01:00","serviceUrl":"https://s/","channelId":"directline","from":{"id":"u1","name":"Ana","role":"user"},"conversation":{"id":"c1","name":"Chat","isGroup":false},"recipient":{"id":"bot"},"membersAdded":[{"id":"u1"}],"textFormat":"markdown","attachmentLayout":"list","locale":"en-US","text":"hi","speak":"hi","inputHint":"acceptingInput","suggestedActions":{"actions":[{"type":"imBack","title":"Yes","value":"yes","text":"t","displayText":"d","image":"i"}],"to":["u1"]},"attachments":[{"contentType":"application/vnd.microsoft.card.hero","content":{"title":"T","subtitle":"S","text":"X","buttons":[{"type":"imBack","title":"Go","value":"Go"}],"tap":{"type":"imBack","title":"Tap","value":"Tap"}},"contentUrl":"u","name":"n","thumbnailUrl":"th"}],"entities":[{"type":"x"}],"channelData":{"clientActivityID":"k"},"replyToId":"r","name":"n","value":{"v":1},"valueType":"vt","label":"l","custom":{"a":1}}""";

    [Fact]
    public void Activity_EveryField_IsWrittenUnderTheBotFrameworkName_NullsLeftOut()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "a1",
            Timestamp = At,
            LocalTimestamp = At.ToOffset(TimeSpan.FromHours(1)),
            ServiceUrl = "https://s/",
            ChannelId = "directline",
            From = new ChannelAccount("u1", "Ana", "user"),
            Conversation = new ConversationAccount("c1", "Chat", false),
            Recipient = new ChannelAccount("bot"),
            MembersAdded = [new ChannelAccount("u1")],
            TextFormat = "markdown",
            AttachmentLayout = "list",
            Locale = "en-US",
            Text = "hi",
            Speak = "hi",
            InputHint = "acceptingInput",
            SuggestedActions = new SuggestedActions([new CardAction(CardAction.ImBack, "Yes", "yes", "t", "d", "i")], ["u1"]),
            Attachments = [new Attachment(Attachment.HeroCardType, new HeroCard("T", "S", "X", [CardAction.Say("Go")], CardAction.Say("Tap")), "u", "n", "th")],
            Entities = [Element("""{"type":"x"}""")],
            ChannelData = Element("""{"clientActivityID":"k"}"""),
            ReplyToId = "r",
            Name = "n",
            Value = Element("""{"v":1}"""),
            ValueType = "vt",
            Label = "l",
            Extra = new Dictionary<string, JsonElement> { ["custom"] = Element("""{"a":1}""") },
        };

        Assert.Equal(EveryActivityField, JsonSerializer.Serialize(activity, ActivityJson.Options));
    }

    [Fact]
    public void Activity_StoredOrReceived_ReadsBack_AndIsWrittenAgainUnchanged()
    {
        var read = JsonSerializer.Deserialize<Activity>(EveryActivityField, ActivityJson.Options)!;

        Assert.Equal(("u1", "user", "k", "yes"), (read.From!.Id, read.From.Role, read.ClientActivityId, read.SuggestedActions!.Actions[0].ValueOrTitle()));
        Assert.Equal(EveryActivityField, JsonSerializer.Serialize(read, ActivityJson.Options));
    }

    [Fact]
    public void Activity_NamesAreReadWhateverTheirCase_AsBotFrameworkClientsSendThem()
    {
        var read = JsonSerializer.Deserialize<Activity>("""{"Type":"message","TEXT":"hello","From":{"Id":"u1"}}""", ActivityJson.Options)!;

        Assert.Equal(("hello", "u1"), (read.Text, read.From!.Id));
    }

    [Fact]
    public void DecisionTrace_EveryField_IsCamelCase_WithItsNulls()
    {
        var decision = new TurnDecision(TurnDecision.Answer, "faq", 0.9, "f1", 0.8, ["f1"], ["e"]) { Drafter = "local" };

        var trace = ActivityRenderer.Trace(new Activity(), decision);

        Assert.Equal(
            """{"action":"answer","intent":"faq","intentConfidence":0.9,"faqId":"f1","faqConfidence":0.8,"sources":["f1"],"entities":["e"],"drafter":"local","draftFallback":null,"lowConfidence":false,"flow":null,"step":null,"verified":false,"handoff":null,"handoffSignals":null,"handoffState":null,"handoffId":null,"slots":null,"language":null,"cited":[]}""",
            trace.Value!.Value.GetRawText());
    }

    /// <summary>Web Chat 4.18 draws the thumbs from exactly this entity and sends the clicked action back as it was written.</summary>
    [Fact]
    public void AnswerFeedbackEntity_IsSchemaOrgsMessageWithLikeAndDislikeActions()
    {
        Assert.Equal(
            """{"type":"https://schema.org/Message","@context":"https://schema.org","@id":"","@type":"Message","potentialAction":[{"@type":"LikeAction","@id":"supportbot:answer-to:12:like"},{"@type":"DislikeAction","@id":"supportbot:answer-to:12:dislike"}]}""",
            SupportBot.Feedback.AnswerFeedback.EntityFor(12).GetRawText());
    }

    /// <summary>Semantic Kernel writes a function's result for the model with its own default serializer settings.</summary>
    [Fact]
    public void ToolResults_AsTheModelReadsThem_KeepTheirSnakeCaseNames()
    {
        var order = new OrderFacts("LP1", At, OrderStatus.Shipped,
            [new OrderFacts.Item("L1", "Tee", "M", 1, false)],
            new OrderFacts.Destination("Portland", "OR", "US"),
            new OrderFacts.Parcel("UPS", "1Z", "https://t/", ShipmentStatus.InTransit, new DateOnly(2026, 1, 5), null, new ShipmentEvent(At, "Reno", "Departed")),
            [new OrderFacts.ReturnFacts("RMA-1", ["L1"], ReturnStatus.LabelSent, RefundStatus.Pending)]);
        var passages = new KnowledgeSearchResult([new KnowledgePassage("return-window", "Returns", "30 days", null, 0.9, "s")]);

        Assert.Equal(
            """{"order":{"number":"LP1","placed_at":"2026-01-02T03:04:05+00:00","status":"Shipped","items":[{"line_id":"L1","name":"Tee","size":"M","quantity":1,"final_sale":false}],"ships_to":{"city":"Portland","region":"OR","country":"US"},"shipment":{"carrier":"UPS","tracking_number":"1Z","tracking_url":"https://t/","status":"InTransit","estimated_delivery":"2026-01-05","delivered_at":null,"latest_event":{"at":"2026-01-02T03:04:05+00:00","location":"Reno","description":"Departed"}},"returns":[{"rma":"RMA-1","line_ids":["L1"],"status":"LabelSent","refund_status":"Pending"}]},"returnable_lines":["L1"]}""",
            JsonSerializer.Serialize(new OrderResult(order, ["L1"], null, null)));
        Assert.Equal("""{"error":"locked","message":"m"}""", JsonSerializer.Serialize(OrderResult.Error("locked", "m")));
        Assert.Equal("""{"passages":[{"id":"return-window","title":"Returns","text":"30 days","confidence":0.9,"summary":"s"}]}""", JsonSerializer.Serialize(passages));
        Assert.Equal("""{"first_name":"Ana"}""", JsonSerializer.Serialize(new ShopperProfile("Ana")));
    }

    [Fact]
    public void FaqReport_EveryField_IsTheEvalContractsName()
    {
        var report = new FaqEvaluationReport(10, 8, 0.5, 0.75, 0.6, 0.3, 0.7, 0.8, 0.5, 1.5, 9.5,
            [new CalibrationBucket(0.9, 1.0, 3, 2)], [new FaqMiss(4, "q", "x", [new RankedId("y", 0.4)])])
        {
            Decisions = new AnswerDecisionReport(0.5, 0.9, 0.2, 0.8, 0.3, 1.0, new AnswerDecisionThresholds(0.3, 0.05, 0.6, 0.1, 0.2, 0.05)),
        };

        Assert.Equal(
            """{"questions":10,"answerable":8,"hit_at_1":0.5,"hit_at_3":0.75,"mrr":0.6,"threshold":0.3,"answered_rate":0.7,"answered_precision":0.8,"abstain_rate":0.5,"query_p50_ms":1.5,"query_p99_ms":9.5,"calibration":[{"from":0.9,"to":1,"count":3,"correct":2}],"misses":[{"line":4,"text":"q","expected":"x","got":[{"id":"y","confidence":0.4}]}],"decisions":{"direct_rate":0.5,"direct_accuracy":0.9,"clarify_rate":0.2,"clarify_accuracy":0.8,"fallback_rate":0.3,"unanswerable_held_back":1,"thresholds":{"min_confidence":0.3,"tie_margin":0.05,"clear_lead_confidence":0.6,"clear_lead":0.1,"suggestion_confidence":0.2,"alternative_margin":0.05}}}""",
            Compact(JsonSerializer.Serialize(report, ViewJson.Options)));
    }

    [Fact]
    public void IntentReport_EveryField_IsTheEvalContractsName()
    {
        var report = new IntentEvaluationReport(10, 8, 2, 0.9, 0.5, 0.5, 0.85, 0.4, 1.2, "Sdca", 100, 2.5, 0.1, 0.9,
            [new IntentMetrics("order_status", 4, 1, 0.75, 0.86)], [new ConfusedPair("a", "b", 2)], ["a", "b"], [[1, 2], [0, 3]],
            [new ScoredUtterance("where is it", "a", "b", 0.7, IntentEvaluation.Wrong)]);

        Assert.Equal(
            """{"examples":10,"in_scope_examples":8,"oos_examples":2,"in_scope_accuracy":0.9,"oos_recall":0.5,"oos_precision":0.5,"macro_f1":0.85,"threshold":0.4,"temperature":1.2,"trainer":"Sdca","train_examples":100,"train_seconds":2.5,"predict_p50_ms":0.1,"predict_p99_ms":0.9,"per_intent":[{"intent":"order_status","support":4,"precision":1,"recall":0.75,"f1":0.86}],"most_confused":[{"truth":"a","predicted":"b","count":2}],"labels":["a","b"],"confusion":[[1,2],[0,3]],"utterances":[{"text":"where is it","truth":"a","predicted":"b","confidence":0.7,"outcome":"wrong"}]}""",
            Compact(JsonSerializer.Serialize(report, ViewJson.Options)));
    }

    [Fact]
    public void FaqQuestions_AreReadFromTheirJsonLines()
    {
        using var folder = TempFolder.Create();
        var path = Path.Combine(folder.Path, "questions.jsonl");
        File.WriteAllText(path, "{\"text\":\"how long to return?\",\"expected\":\"return-window\"}\n{\"Text\":\"a poem\",\"Expected\":null}\n");

        var questions = FaqEvaluation.Load(path, new HashSet<string> { "return-window" });

        Assert.Equal([("how long to return?", "return-window"), ("a poem", null)], questions.Select(q => (q.Question.Text, q.Question.Expected)));
    }

    [Fact]
    public void DemoShipment_AsStoredInTheDemoDatabase_KeepsItsText_AndOldRowsRead()
    {
        const string Stored = """{"carrier":"UPS","tracking_number":"1Z","tracking_url":"https://t/","status":"InTransit","shipped_at":"2026-01-02T03:04:05+00:00","estimated_delivery":"2026-01-05","delivered_at":null,"events":[{"at":"2026-01-02T03:04:05+00:00","location":"Reno","description":"Departed"}]}""";
        var shipment = new Shipment("UPS", "1Z", "https://t/", ShipmentStatus.InTransit, At, new DateOnly(2026, 1, 5), null, [new ShipmentEvent(At, "Reno", "Departed")]);

        Assert.Equal(Stored, SupportBot.DemoStore.DemoOrderTables.ShipmentText(shipment));
        Assert.Equal(Stored, SupportBot.DemoStore.DemoOrderTables.ShipmentText(SupportBot.DemoStore.DemoOrderTables.Shipment(Stored)!));
    }

    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();
}
