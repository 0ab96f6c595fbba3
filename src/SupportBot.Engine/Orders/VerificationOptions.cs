using System.ComponentModel.DataAnnotations;

namespace SupportBot.Orders;

/// <summary>
/// Settings of <c>Orders:Verification</c>: how failed verifications, counted per order and per client across
/// conversations and restarts, first take the ZIP/postal code away, then slow the tries down, then refuse them.
/// Each count forgets its failures after <see cref="WindowMinutes"/> without a new one.
/// </summary>
internal sealed class VerificationOptions
{
    /// <summary>How long a failure is remembered, and how long a lockout lasts after the last failure.</summary>
    /// <value>Default 60 minutes.</value>
    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 60;

    /// <summary>Failures (on the order, or from the client) after which only the order's e-mail verifies it.</summary>
    /// <value>Default 3.</value>
    [Range(1, 100)]
    public int EmailOnlyAfter { get; set; } = 3;

    /// <summary>Failures after which each further try must wait <see cref="DelaySeconds"/> after the last failure.</summary>
    /// <value>Default 5.</value>
    [Range(1, 100)]
    public int DelayAfter { get; set; } = 5;

    /// <value>Default 60 seconds.</value>
    [Range(1, 3600)]
    public int DelaySeconds { get; set; } = 60;

    /// <summary>Failures after which every try is refused until <see cref="WindowMinutes"/> have passed since the last one.</summary>
    /// <value>Default 10.</value>
    [Range(1, 1000)]
    public int LockAfter { get; set; } = 10;

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    public TimeSpan Delay => TimeSpan.FromSeconds(DelaySeconds);
}
