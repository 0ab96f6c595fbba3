using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using SupportBot.Evaluation.Conversations;
using static SupportBot.Host.Reports.ConversationWords;

namespace SupportBot.Host.Reports;

/// <summary>
/// The JUnit XML of <c>eval conversations --junit</c>: one test suite per file, one test case per conversation, the
/// run's figures and each locale's as properties.
/// </summary>
/// <remarks>
/// Kept to what GitHub, GitLab and Jenkins all read: counts on every suite, one <c>failure</c> or <c>error</c> per case,
/// the first problem in its <c>message</c> (what the CI page shows in a line) and the whole story in its text.
/// </remarks>
internal static class JUnitReport
{
    public const string UnreadableSuite = "unreadable files";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(ConversationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var timestamp = run.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", Inv);
        var suites = run.Conversations
            .GroupBy(c => c.Path, StringComparer.Ordinal)
            .Select(file => Suite(file.Key, timestamp, file.Select(Case)))
            .ToList();
        if (run.Problems.Count > 0)
        {
            suites.Add(Suite(UnreadableSuite, timestamp, run.Problems.Select(Case)));
        }

        // Jenkins reads properties on a test suite only, so the run's figures ride on the first one.
        suites.FirstOrDefault()?.AddFirst(Properties(run));

        var root = new XElement("testsuites", new XAttribute("name", "supportbot eval conversations"));
        AddCounts(root, suites);
        root.Add(suites);

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = true };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new XDocument(root).Save(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static XElement Suite(string name, string timestamp, IEnumerable<XElement> cases)
    {
        var suite = new XElement("testsuite", new XAttribute("name", Safe(name)));
        var list = cases.ToList();
        AddCounts(suite, list);
        suite.Add(new XAttribute("skipped", 0), new XAttribute("timestamp", timestamp), list);
        return suite;
    }

    /// <summary>tests, failures, errors and time, summed over the cases (or the suites) below.</summary>
    private static void AddCounts(XElement parent, List<XElement> children)
    {
        int Sum(string attribute) => children.Sum(c => (int?)c.Attribute(attribute) ?? 0);
        int Count(string element) => children.Count(c => c.Element(element) is not null);
        var isSuites = parent.Name == "testsuites";
        parent.Add(
            new XAttribute("tests", isSuites ? Sum("tests") : children.Count),
            new XAttribute("failures", isSuites ? Sum("failures") : Count("failure")),
            new XAttribute("errors", isSuites ? Sum("errors") : Count("error")),
            new XAttribute("time", Seconds(children.Sum(c => (double?)c.Attribute("time") ?? 0))));
    }

    private static XElement Case(ConversationResult conversation)
    {
        var testCase = new XElement("testcase",
            new XAttribute("name", Safe(conversation.Name)),
            new XAttribute("classname", Safe(ClassName(conversation.Path))),
            new XAttribute("time", Seconds(conversation.Turns.Sum(t => t.Actual.FirstResponseMs) / 1000)));
        switch (conversation.Outcome)
        {
            case ConversationOutcome.Failed:
                var first = FailingTurns(conversation).FirstOrDefault();
                var message = first is null ? "the conversation failed" : $"{TurnPlace(first)}: {(first.Failures.Count > 0 ? first.Failures[0].Check : "failed")}";
                testCase.Add(Problem("failure", message, "assertion", FailureText(conversation)));
                break;
            case ConversationOutcome.Flaky:
                testCase.Add(Problem("failure", FlakyRuns(conversation), "flaky", FailureText(conversation)));
                break;
            case ConversationOutcome.Error:
                var error = ErrorText(conversation);
                testCase.Add(Problem("error", error.Split('\n')[0].TrimEnd('\r'), "error", error));
                break;
        }

        return testCase;
    }

    private static XElement Case(FileProblem problem) =>
        new("testcase",
            new XAttribute("name", Safe(problem.Path)),
            new XAttribute("classname", Safe(ClassName(problem.Path))),
            new XAttribute("time", Seconds(0)),
            Problem("error", problem.ToString(), "unreadable", problem.ToString()));

    private static XElement Problem(string element, string message, string type, string text)
    {
        var problem = new XElement(element, new XAttribute("message", Safe(message)), new XAttribute("type", type));
        if (text.Length > 0)
        {
            problem.Add(new XText(Safe(text)));
        }

        return problem;
    }

    /// <summary>Every failing turn as a reader wants it in a CI log: what the shopper said, then each check that did not hold.</summary>
    private static string FailureText(ConversationResult conversation)
    {
        var text = new StringBuilder();
        foreach (var turn in FailingTurns(conversation))
        {
            text.Append(Inv, $"{TurnPlace(turn)}: {turn.UserText}\n");
            foreach (var failure in turn.Failures)
            {
                text.Append(Inv, $"  {failure.Check}: expected {failure.Expected} / actual {failure.Actual}\n");
                if (!string.IsNullOrEmpty(failure.Diff))
                {
                    text.Append(Inv, $"    diff: {failure.Diff}\n");
                }
            }
        }

        return text.ToString();
    }

    private static XElement Properties(ConversationRun run)
    {
        var properties = new XElement("properties", Property("target", run.Target), Property("at", run.At.ToString("O", Inv)));
        // The names and numbers of the run's JSON, so a CI step can match the two without a second vocabulary.
        foreach (var metric in JsonSerializer.SerializeToElement(run.Metrics, ConversationJson.Options).EnumerateObject())
        {
            if (metric.Value.ValueKind != JsonValueKind.Null)
            {
                properties.Add(Property(metric.Name, metric.Value.GetRawText()));
            }
        }

        // Each locale's suite on its own (locale.fr-FR.turn_pass_rate…), for a CI step that gates every language.
        foreach (var locale in run.Locales)
        {
            var prefix = $"locale.{locale.Locale}.";
            properties.Add(Property(prefix + "passed", locale.Passed.ToString(Inv)));
            foreach (var metric in JsonSerializer.SerializeToElement(locale.Metrics, ConversationJson.Options).EnumerateObject())
            {
                if (metric.Value.ValueKind != JsonValueKind.Null)
                {
                    properties.Add(Property(prefix + metric.Name, metric.Value.GetRawText()));
                }
            }
        }

        return properties;
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", Safe(value)));

    /// <summary><c>eval/returns/late.chat</c> becomes <c>eval.returns.late</c>, which CI pages group like a namespace.</summary>
    private static string ClassName(string path)
    {
        var normal = path.Replace('\\', '/');
        while (normal.StartsWith("./", StringComparison.Ordinal))
        {
            normal = normal[2..];
        }

        var name = normal.LastIndexOf('/') is var slash and >= 0 ? normal[(slash + 1)..] : normal;
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            normal = normal[..^(name.Length - dot)];
        }

        return normal.Trim('/').Replace('/', '.');
    }

    private static string Seconds(double seconds) => seconds.ToString("0.###", Inv);

    /// <summary>Characters XML 1.0 cannot carry (control characters, a lone surrogate) become U+FFFD instead of failing the file.</summary>
    private static string Safe(string text)
    {
        StringBuilder? safe = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                safe?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                safe?.Append(c);
                continue;
            }

            safe ??= new StringBuilder(text, 0, i, text.Length);
            safe.Append('\uFFFD');
        }

        return safe?.ToString() ?? text;
    }
}
