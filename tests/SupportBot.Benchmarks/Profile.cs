using SupportBot.Evaluation;
using SupportBot.Knowledge.Search;
namespace SupportBot.Benchmarks;
internal static class Profile
{
    public static void Run()
    {
        var k = BenchmarkData.Starter();
        var qs = FaqEvaluation.Load(Path.Combine(BenchmarkData.Root, "eval", "faq-questions.jsonl"), k.Entries.Select(e => e.Id).ToHashSet());
        using var idx = KnowledgeIndex.Build(k, new SupportBot.Knowledge.SearchOptions());
        foreach (var a in new[] { 0.0, 0.2, 0.4, 0.6 })
        foreach (var b in new[] { 0.0, 0.2, 0.4 })
        foreach (var c in new[] { 0.0, 0.2, 0.4, 0.6 })
        {
            if (a + b + c == 0) continue;
            Tune.A = a; Tune.B = b; Tune.C = c;
            var r = FaqEvaluation.Run(idx, qs, 0.45);
            Console.WriteLine($"{a} {b} {c}: hit1 {r.HitAt1:0.000} hit3 {r.HitAt3:0.000} mrr {r.Mrr:0.000} prec {r.AnsweredPrecision:0.000} abst {r.AbstainRate:0.000}");
        }
    }
}
