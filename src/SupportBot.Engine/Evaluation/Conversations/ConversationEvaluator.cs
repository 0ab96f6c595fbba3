namespace SupportBot.Evaluation.Conversations;

/// <summary>
/// How a run goes: the default text tolerance, how many times each conversation runs, how many at once, and (with
/// embeddings) how texts are compared for meaning under <see cref="TextTolerance.Semantic"/>; without it that tolerance
/// ignores the text and holds the recorded intent and FAQ source only. <see cref="DefaultLocale"/> is the locale a
/// conversation without a <c>locale=</c> header is reported under (the bot's <c>Knowledge:DefaultLocale</c>).
/// </summary>
internal sealed record EvaluationSettings(TextTolerance Tolerance = TextTolerance.Normalized, int Repeat = 1, int Parallel = 2, MeaningComparer? Meaning = null,
    string DefaultLocale = EvaluationSettings.EnglishLocale)
{
    public const string EnglishLocale = "en-US";
}

/// <summary>
/// Replays conversations against a driver, in parallel, each <see cref="EvaluationSettings.Repeat"/> times, and
/// computes the run's metrics. A conversation whose runs disagree is flaky; one that throws is an error with the
/// reason; neither stops the others.
/// </summary>
internal sealed class ConversationEvaluator(IConversationDriver driver, EvaluationSettings settings, TimeProvider time)
{
    private static readonly HashSet<string> SaidItHelped = new(StringComparer.Ordinal) { "thanks", "affirm" };

    public async Task<ConversationRun> RunAsync(IReadOnlyList<ScriptedConversation> scripts, IReadOnlyList<FileProblem> problems,
        Action<ConversationResult>? finished = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var results = new ConversationResult[scripts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, scripts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallel), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                results[i] = await EvaluateAsync(scripts[i], ct).ConfigureAwait(false);
                finished?.Invoke(results[i]);
            }).ConfigureAwait(false);
        return new ConversationRun(time.GetUtcNow(), driver.Target, results, Measure(results), problems) { Locales = MeasureLocales(results) };
    }

    private async Task<ConversationResult> EvaluateAsync(ScriptedConversation script, CancellationToken cancellationToken)
    {
        var runs = new List<IReadOnlyList<TurnResult>>();
        try
        {
            for (var run = 0; run < Math.Max(1, settings.Repeat); run++)
            {
                runs.Add(await RunOnceAsync(script, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ConversationResult(script.Name, script.Path, ConversationOutcome.Error, runs.LastOrDefault() ?? [])
            {
                Locale = LocaleOf(script),
                Error = ex is OperationCanceledException ? "the bot did not answer in time" : ex.Message,
                Runs = runs.Count,
            };
        }

        var passed = runs.Count(r => r.All(t => t.Passed));
        var outcome = passed == runs.Count ? ConversationOutcome.Passed : passed == 0 ? ConversationOutcome.Failed : ConversationOutcome.Flaky;

        // A failing run is the one worth reading.
        var shown = runs.FirstOrDefault(r => r.Any(t => !t.Passed)) ?? runs[^1];
        var handedOff = shown.Any(t => t.Actual.Handoff is not null);
        // Confirmed as the KPIs define it (docs/INSIGHTS.md): a thanks or "yes" answered as small talk after an answer.
        var firstAnswer = shown.ToList().FindIndex(t => t.Actual.Action is "answer" or "order_flow");
        var helped = firstAnswer >= 0 && shown.Skip(firstAnswer + 1).Any(t => t.Actual.Intent is { } intent && SaidItHelped.Contains(intent) && t.Actual.Action == "small_talk");
        return new ConversationResult(script.Name, script.Path, outcome, shown)
        {
            Locale = LocaleOf(script),
            Runs = runs.Count,
            PassedRuns = passed,
            ExpectedHandoff = shown.Any(t => t.ExpectedHandoff == true),
            HandedOff = handedOff,
            Containment = handedOff ? Containment.None : helped ? Containment.Confirmed : Containment.Assumed,
        };
    }

    private async Task<IReadOnlyList<TurnResult>> RunOnceAsync(ScriptedConversation script, CancellationToken cancellationToken)
    {
        var tolerance = script.Tolerance ?? settings.Tolerance;
        var (session, welcome) = await driver.StartAsync(script.Locale, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var results = new List<TurnResult>(script.Turns.Count);
            foreach (var turn in script.Turns)
            {
                var actual = turn.IsStart ? welcome : await session.SayAsync(turn.UserText, cancellationToken).ConfigureAwait(false);
                var failures = TurnChecker.Check(turn, actual, tolerance);
                if (tolerance == TextTolerance.Semantic && settings.Meaning is { } meaning)
                {
                    failures = [.. failures, .. await MeaningFailuresAsync(meaning, turn, actual, cancellationToken).ConfigureAwait(false)];
                }

                results.Add(new TurnResult(results.Count + 1, turn.Line, turn.IsStart ? "(conversation start)" : turn.UserText, failures.Count == 0, failures, actual)
                {
                    ExpectedIntent = turn.Intent ?? (tolerance == TextTolerance.Semantic ? turn.Recorded?.Intent : null),
                    ExpectedFaq = turn.Faq ?? (tolerance == TextTolerance.Semantic ? turn.Recorded?.Faq : null),
                    ExpectedHandoff = (turn.Handoff ?? turn.Recorded?.Handoff) switch
                    {
                        null => null,
                        "none" => false,
                        _ => true,
                    },
                });
            }

            return results;
        }
    }

    private static async Task<List<AssertionFailure>> MeaningFailuresAsync(MeaningComparer meaning, ScriptedTurn turn, TurnObservation actual,
        CancellationToken cancellationToken)
    {
        var failures = new List<AssertionFailure>();
        for (var i = 0; i < turn.BotTexts.Count; i++)
        {
            var check = turn.BotTexts.Count > 1 ? $"text of message {i + 1}" : "text";
            if (i >= actual.Texts.Count)
            {
                failures.Add(new AssertionFailure(check, turn.BotTexts[i] ?? "a message", "no message"));
            }
            else if (turn.BotTexts[i] is { } text
                && await meaning.CompareAsync(check, text, actual.Texts[i], cancellationToken).ConfigureAwait(false) is { } failure)
            {
                failures.Add(failure);
            }
        }

        return failures;
    }

    public static ConversationMetrics Measure(IReadOnlyList<ConversationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var ran = results.Where(r => r.Outcome != ConversationOutcome.Error).ToList();
        var turns = results.SelectMany(r => r.Turns).ToList();
        var latencies = new Latencies();
        foreach (var turn in turns.Where(t => t.Actual.FirstResponseMs > 0))
        {
            latencies.Add(turn.Actual.FirstResponseMs);
        }

        var intents = turns.Where(t => t.ExpectedIntent is not null).ToList();
        var faqs = turns.Where(t => t.ExpectedFaq is not null).ToList();
        var expected = ran.Count(r => r.ExpectedHandoff);
        var happened = ran.Count(r => r.HandedOff);
        var both = ran.Count(r => r.ExpectedHandoff && r.HandedOff);
        return new ConversationMetrics
        {
            Conversations = results.Count,
            Turns = turns.Count,
            TurnPassRate = Rate(turns.Count(t => t.Passed), turns.Count) ?? 0,
            ConversationPassRate = Rate(results.Count(r => r.Outcome == ConversationOutcome.Passed), results.Count) ?? 0,
            Flaky = results.Count(r => r.Outcome == ConversationOutcome.Flaky),
            Errors = results.Count(r => r.Outcome == ConversationOutcome.Error),
            IntentAccuracy = Rate(intents.Count(t => string.Equals(t.ExpectedIntent, t.Actual.Intent, StringComparison.OrdinalIgnoreCase)), intents.Count),
            FaqHitRate = Rate(faqs.Count(t => string.Equals(t.ExpectedFaq, t.Actual.FaqId, StringComparison.OrdinalIgnoreCase)), faqs.Count),
            ContainmentConfirmed = Rate(ran.Count(r => r.Containment == Containment.Confirmed), ran.Count) ?? 0,
            ContainmentAssumed = Rate(ran.Count(r => r.Containment == Containment.Assumed), ran.Count) ?? 0,
            HandoffPrecision = Rate(both, happened),
            HandoffRecall = Rate(both, expected),
            FirstResponseP50Ms = latencies.Count > 0 ? latencies.Percentile(0.50) : 0,
            FirstResponseP99Ms = latencies.Count > 0 ? latencies.Percentile(0.99) : 0,
        };
    }

    /// <summary>The run's figures for each locale, in name order: a locale's suite is held to its own bar.</summary>
    public static IReadOnlyList<LocaleResults> MeasureLocales(IReadOnlyList<ConversationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.GroupBy(r => r.Locale ?? "", StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LocaleResults(g.Key, g.Count(r => r.Outcome == ConversationOutcome.Passed), Measure([.. g])))];
    }

    private string LocaleOf(ScriptedConversation script) => script.Locale ?? settings.DefaultLocale;

    private static double? Rate(int part, int whole) => whole == 0 ? null : part / (double)whole;
}
