namespace SupportBot.Insights.Kpis;

/// <summary>How finely the time series of a <see cref="KpiReport"/> is cut.</summary>
public enum KpiBucket
{
    Day,
    Hour,
}

/// <summary>The half-open period [<see cref="Since"/>, <see cref="Until"/>) the KPIs cover, and the series' bucket (UTC).</summary>
public sealed record KpiPeriod
{
    /// <summary>Hourly points beyond this many would draw a series no one can read (and a page no one waits for).</summary>
    public const int MaxPoints = 24 * 92;

    public KpiPeriod(DateTimeOffset since, DateTimeOffset until, KpiBucket bucket)
    {
        if (until <= since)
        {
            throw new ArgumentException($"the period must end after it starts ({since:O} is not before {until:O})", nameof(until));
        }

        if (bucket == KpiBucket.Hour && (until - since).TotalHours > MaxPoints)
        {
            throw new ArgumentException($"hourly series cover at most {MaxPoints / 24} days; use daily buckets for longer periods", nameof(bucket));
        }

        Since = since.ToUniversalTime();
        Until = until.ToUniversalTime();
        Bucket = bucket;
    }

    public DateTimeOffset Since { get; }

    public DateTimeOffset Until { get; }

    public KpiBucket Bucket { get; }

    /// <summary>The start of the bucket <paramref name="at"/> falls in.</summary>
    public DateTimeOffset BucketOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return Bucket == KpiBucket.Hour
            ? new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Every bucket of the period, in order (empty ones included, so a chart's gaps are zeros, not missing days).</summary>
    public IEnumerable<DateTimeOffset> Buckets()
    {
        var step = Bucket == KpiBucket.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        for (var at = BucketOf(Since); at < Until; at += step)
        {
            yield return at;
        }
    }
}

/// <summary>A period as people type it: <c>2026-11-01</c> (midnight UTC) or a full ISO 8601 time with its offset.</summary>
internal static class KpiPeriodText
{
    /// <summary>The period from the texts; <paramref name="until"/> defaults to <paramref name="now"/>. Throws <see cref="FormatException"/> with a message for people.</summary>
    public static KpiPeriod Parse(string? since, string? until, string? bucket, DateTimeOffset now)
    {
        var from = Time(since, "since") ?? throw new FormatException("give the start of the period (--since, e.g. 2026-11-01)");
        var to = Time(until, "until") ?? now;
        var cut = bucket?.Trim().ToLowerInvariant() switch
        {
            null or "" or "day" => KpiBucket.Day,
            "hour" => KpiBucket.Hour,
            _ => throw new FormatException($"bucket '{bucket}' is neither 'day' nor 'hour'"),
        };
        try
        {
            return new KpiPeriod(from, to, cut);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message.Split(" (Parameter", 2)[0], ex);
        }
    }

    private static DateTimeOffset? Time(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return PeriodText.TryParse(text, out var at) ? at : throw new FormatException($"{name} '{text}' is not a date (use {PeriodText.Example})");
    }
}
