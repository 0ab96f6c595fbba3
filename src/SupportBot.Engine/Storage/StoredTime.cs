using System.Globalization;

namespace SupportBot.Storage;

/// <summary>
/// How every store writes a time (SQLite and PostgreSQL alike): round-trip text in UTC, always seven fraction digits and the same
/// offset, so comparing or ordering the text compares or orders the times.
/// </summary>
internal static class StoredTime
{
    public static string Write(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Read(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
