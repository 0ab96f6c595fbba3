using System.Globalization;
using System.Text.Json;

namespace SupportBot.Benchmarks;

/// <summary>
/// Writes a labelled intent set of the shape of the public 150-intent benchmarks (150 intents in ten domains, 100
/// training, 20 validation and 30 test phrasings each; 100 / 100 / 1,000 out-of-scope ones), generated from a small
/// grammar with a fixed seed, so <c>supportbot eval intents --train … --valid … --test …</c> can be timed at that
/// size on any machine. The phrasings are generated, so the accuracy it reports says little about real shoppers;
/// the training and prediction times are what it is for.
/// </summary>
internal static class SyntheticIntents
{
    private static readonly string[][] Actions =
    [
        ["check on", "look up", "see the status of", "find out about"],
        ["cancel", "call off", "get rid of", "stop"],
        ["change", "modify", "update", "edit"],
        ["book", "get", "set up", "arrange"],
        ["pay for", "settle the bill for", "cover the cost of", "make a payment on"],
        ["report a problem with", "complain about", "flag an issue with", "say something is wrong with"],
        ["know the price of", "find the cost of", "learn how much is", "get a quote for"],
        ["learn how to use", "understand", "get help using", "figure out"],
        ["compare options for", "weigh up choices for", "see alternatives to", "contrast plans for"],
        ["get a recommendation for", "find a good", "pick the best", "choose a"],
        ["reschedule", "move", "push back", "bring forward"],
        ["reset", "restore", "start over with", "recover"],
        ["renew", "extend", "prolong", "keep going with"],
        ["track", "follow", "locate", "trace"],
        ["transfer", "hand over", "move to someone else", "give away"],
    ];

    private static readonly string[][] Objects =
    [
        ["flight", "plane ticket", "air trip"], ["hotel room", "hotel stay", "room booking"],
        ["credit card", "card", "visa card"], ["rental car", "car hire", "hired car"],
        ["gym membership", "fitness plan", "gym pass"], ["phone plan", "mobile contract", "cell plan"],
        ["insurance policy", "cover", "insurance"], ["restaurant table", "dinner reservation", "table booking"],
        ["doctor appointment", "clinic visit", "checkup"], ["library book", "borrowed book", "book loan"],
    ];

    private static readonly string[] Openers =
    [
        "", "", "", "can you help me ", "i need to ", "please ", "how do i ", "i want to ", "could you ", "i'd like to ",
        "is it possible to ", "help me ", "what do i do to ", "hey, i need to ", "quick question, can i ", "i must ",
    ];

    private static readonly string[] Closers = ["", "", "", " please", " today", " asap", " for me", " right now", " thanks", " this week", "?"];

    private static readonly string[] Owners = ["my", "the", "our", "my", "this"];

    private static readonly string[] Unrelated =
    [
        "what is the capital of", "tell me a joke about", "how tall is", "who invented", "translate into french the word",
        "what's the square root of", "write a poem about", "who won the game between", "what does the word mean:",
        "recommend a movie like", "how many calories in", "what year did", "spell the word", "define", "play a song by",
    ];

    private static readonly string[] UnrelatedTopics =
    [
        "mount everest", "the moon", "penguins", "jazz", "volcanoes", "the roman empire", "pizza", "chess", "the ocean",
        "dinosaurs", "bananas", "the eiffel tower", "rainbows", "basketball", "shakespeare", "the internet", "coffee",
        "tigers", "electricity", "the alphabet",
    ];

    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(150);
        var sets = new Dictionary<string, List<(string Text, string Intent)>> { ["train"] = [], ["valid"] = [], ["test"] = [] };
        var counts = new Dictionary<string, int> { ["train"] = 100, ["valid"] = 20, ["test"] = 30 };
        var outside = new Dictionary<string, int> { ["train"] = 100, ["valid"] = 100, ["test"] = 1000 };
        for (var a = 0; a < Actions.Length; a++)
        {
            for (var o = 0; o < Objects.Length; o++)
            {
                var intent = string.Create(CultureInfo.InvariantCulture, $"{Objects[o][0].Replace(' ', '_')}_{Actions[a][0].Replace(' ', '_')}");
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (set, count) in counts)
                {
                    for (var i = 0; i < count; i++)
                    {
                        sets[set].Add((Unique(seen, random, () => Phrase(random, a, o)), intent));
                    }
                }
            }
        }

        var oos = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (set, count) in outside)
        {
            for (var i = 0; i < count; i++)
            {
                sets[set].Add((Unique(oos, random, () => OutOfScope(random)), "oos"));
            }
        }

        foreach (var (set, rows) in sets)
        {
            File.WriteAllLines(Path.Combine(folder, set + ".jsonl"),
                rows.OrderBy(_ => random.Next()).Select(r => JsonSerializer.Serialize(new { text = r.Text, intent = r.Intent })));
        }
    }

    private static string Phrase(Random random, int action, int objectIndex)
    {
        var text = Pick(random, Openers) + Pick(random, Actions[action]) + " " + Pick(random, Owners) + " " + Pick(random, Objects[objectIndex]) + Pick(random, Closers);
        return random.Next(8) == 0 ? Typo(random, text) : text;
    }

    private static string OutOfScope(Random random) =>
        Pick(random, Openers) + Pick(random, Unrelated) + " " + Pick(random, UnrelatedTopics) + Pick(random, Closers);

    /// <summary>One letter dropped, as shoppers type.</summary>
    private static string Typo(Random random, string text)
    {
        var at = random.Next(1, text.Length - 1);
        return char.IsLetter(text[at]) ? text.Remove(at, 1) : text;
    }

    private static string Unique(HashSet<string> seen, Random random, Func<string> make)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = make();
            if (seen.Add(text) || attempt > 50)
            {
                return attempt > 50 ? text + " " + seen.Count.ToString(CultureInfo.InvariantCulture) : text;
            }
        }
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
