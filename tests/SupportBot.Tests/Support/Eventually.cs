namespace SupportBot.Tests.Support;

/// <summary>
/// Reads until a condition holds, for what the product finishes in the background (a reload, a purge). The patience
/// is there so a regression fails instead of hanging; how long it took is never what a test asserts.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The first value that satisfies <paramref name="done"/>, or the last one read when patience ran out (for the test's assertion to report).</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var patience = new CancellationTokenSource(Patience);
        var value = await read();
        while (!done(value) && !patience.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
            value = await read();
        }

        return value;
    }
}
