using SupportBot.Knowledge;

namespace SupportBot.Benchmarks;

/// <summary>
/// A large knowledge base made from the starter one: each entry is cloned with its wording shuffled and mixed
/// with words of other entries and invented product names, so term statistics stay realistic at any size.
/// Generated at run time, never stored.
/// </summary>
internal static class SyntheticKnowledge
{
    public static KnowledgeBase Grow(KnowledgeBase starter, int size, int seed = 7)
    {
        var random = new Random(seed);
        var vocabulary = starter.Entries
            .SelectMany(e => e.Questions.Select(q => q.Text).Append(e.Title))
            .SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var entries = new List<FaqEntry>(size);
        for (var i = 0; i < size; i++)
        {
            var template = starter.Entries[i % starter.Entries.Count];
            if (i < starter.Entries.Count)
            {
                entries.Add(template);
                continue;
            }

            string Vary(string text) =>
                $"{text} {vocabulary[random.Next(vocabulary.Length)]} {Product(random)} {vocabulary[random.Next(vocabulary.Length)]}";

            entries.Add(template with
            {
                Id = $"{template.Id}-{i}",
                Title = Vary(template.Title),
                Questions = template.Questions.Select(q => q with { Text = Vary(q.Text) }).ToList(),
                AnswerText = Vary(template.AnswerText),
                AnswerMarkdown = template.AnswerMarkdown,
                Related = [],
            });
        }

        return starter with { Entries = entries };
    }

    private static string Product(Random random)
    {
        const string Letters = "bcdfghklmnprstvz";
        const string Vowels = "aeiou";
        var length = random.Next(2, 4);
        var name = new char[length * 2];
        for (var k = 0; k < length; k++)
        {
            name[2 * k] = Letters[random.Next(Letters.Length)];
            name[(2 * k) + 1] = Vowels[random.Next(Vowels.Length)];
        }

        return new string(name);
    }
}
