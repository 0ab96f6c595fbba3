using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Embeddings;
using SupportBot.Insights.Gaps;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Replies;
using SupportBot.Schema;
using SupportBot.Storage;
using Activity = SupportBot.Schema.Activity;

namespace SupportBot.Benchmarks;

/// <summary>
/// The content-gap report over 10,000 unanswered messages, generated at run time: the evaluation phrasings (labelled
/// questions, out-of-scope and intent test sets) with noise (greetings, sign-offs, typos, dropped words, case),
/// stored as transcripts in a fresh SQLite file the way the engine stores a fallback turn. Timed twice in one
/// process: with the sentence model embedding every message, then with the embeddings cached in memory.
/// </summary>
internal static class GapBenchmark
{
    private static readonly string[] Openers = ["", "", "hi, ", "hello ", "hey there, ", "quick question: ", "sorry to bother you but ", "um "];
    private static readonly string[] Closers = ["", "", "", "?", " thanks", " pls", " thank you!", " asap"];
    private static readonly string[] Sets = ["faq-questions.jsonl", "out-of-scope.jsonl", "intents-test.jsonl"];

    public static TextEmbeddings Embeddings() => EmbeddingServiceCollectionExtensions.Create(
        new EmbeddingOptions { CachePath = Path.Combine(Path.GetTempPath(), "supportbot-benchmarks", "embeddings") }, new StorageOptions(), BenchmarkData.Root);

    public static async Task RunAsync(TextWriter output, int count)
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-benchmarks", "gaps-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
            var messages = Messages(count);
            await using (var database = new SqliteDatabase(folder))
            {
                await StoreAsync(new SqlConversationStore(database), messages, start);
                var embeddings = Embeddings();
                var knowledge = BenchmarkData.Starter();
                using var index = await KnowledgeIndex.BuildAsync(knowledge, new SearchOptions(), embeddings);
                var builder = new GapReportBuilder(new TranscriptGapCandidates(database, Options.Create(new KnowledgeOptions())), embeddings,
                    Options.Create(new GapOptions()), TimeProvider.System);
                output.WriteLine($"{messages.Count} unanswered messages ({messages.Distinct(StringComparer.OrdinalIgnoreCase).Count()} distinct) over 30 days");
                foreach (var run in new[] { "cold (embedding every message)", "warm (embeddings cached)" })
                {
                    var clock = Stopwatch.StartNew();
                    var report = await builder.BuildAsync(start, start.AddDays(30), index, CancellationToken.None);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{run,-32} {clock.Elapsed.TotalSeconds,6:0.0} s  {report.Messages} messages, {report.DistinctMessages} distinct, {report.Clusters.Count} clusters reported, largest {report.Clusters.Max(c => c.Messages)}"));
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Evaluation phrasings made into <paramref name="count"/> messages with a fixed seed, so every run times the same set.</summary>
    private static List<string> Messages(int count)
    {
        var eval = Path.Combine(BenchmarkData.Root, "eval");
        var phrasings = Sets
            .SelectMany(f => File.ReadLines(Path.Combine(eval, f)))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)
            .ToList();
        var random = new Random(20);
        return [.. Enumerable.Range(0, count).Select(_ => Noisy(phrasings[random.Next(phrasings.Count)], random))];
    }

    private static string Noisy(string text, Random random)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 4 && random.NextDouble() < 0.3)
        {
            words.RemoveAt(random.Next(words.Count));
        }

        if (random.NextDouble() < 0.3)
        {
            var k = random.Next(words.Count);
            var word = words[k];
            if (word.Length > 3)
            {
                var at = random.Next(word.Length - 1);
                words[k] = word[..at] + word[at + 1] + word[at] + word[(at + 2)..];
            }
        }

        var noisy = Openers[random.Next(Openers.Length)] + string.Join(' ', words) + Closers[random.Next(Closers.Length)];
        return random.NextDouble() < 0.2 ? noisy.ToUpperInvariant() : noisy;
    }

    /// <summary>Five messages a conversation, each with the bot's fallback and its decision trace, a few minutes apart over 30 days.</summary>
    private static async Task StoreAsync(SqlConversationStore store, List<string> messages, DateTimeOffset start)
    {
        var step = TimeSpan.FromDays(30) / messages.Count;
        foreach (var (chunk, c) in messages.Chunk(5).Select((chunk, c) => (chunk, c)))
        {
            var id = "bench-" + c.ToString(CultureInfo.InvariantCulture);
            var at = start + step * (c * 5);
            await store.CreateAsync(id, "user-" + c.ToString(CultureInfo.InvariantCulture), at, CancellationToken.None);
            var activities = new List<Activity>();
            foreach (var (text, k) in chunk.Select((t, k) => (t, k)))
            {
                var messageId = SqlConversationStore.IdOf(id, activities.Count);
                var when = at + step * k;
                var shopper = new Activity { Id = messageId, Type = ActivityTypes.Message, Text = text, Timestamp = when,
                    From = new ChannelAccount("user-" + c.ToString(CultureInfo.InvariantCulture), null, "user"), Conversation = new ConversationAccount(id) };
                var envelope = new Activity { Timestamp = when, Conversation = shopper.Conversation, From = Participants.Bot, Recipient = shopper.From, ReplyToId = messageId };
                activities.Add(shopper);
                activities.Add(ActivityRenderer.Message(envelope, new BotReply("Sorry, I did not understand that.")));
                activities.Add(ActivityRenderer.Trace(envelope, new TurnDecision(TurnDecision.NotUnderstood, null, 0.2, null, 0.1, [], [])));
            }

            await store.AppendAsync(id, activities, CancellationToken.None);
        }
    }
}
