using System.ComponentModel.DataAnnotations;

namespace SupportBot.Orders;

/// <summary>Which order system the bot talks to.</summary>
internal enum OrderBackendKind
{
    /// <summary>The demo store of SupportBot.DemoStore: <c>demo_*</c> tables in the product's database (Storage:Provider), seeded from its JSON files on first start.</summary>
    Demo,

    /// <summary>The shop's own backend over HTTP (the contract is in docs/OPERATIONS.md).</summary>
    Http,
}

/// <summary>Settings of the <c>Orders</c> section.</summary>
internal sealed class OrdersOptions : IValidatableObject
{
    public const string SectionName = "Orders";

    /// <value>Default <c>Demo</c>.</value>
    public OrderBackendKind Backend { get; set; } = OrderBackendKind.Demo;

    /// <summary>The base URL of the shop's order API when <see cref="Backend"/> is Http.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c>; from the environment (<c>Orders__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <value>Default 5 seconds.</value>
    [Range(0.5, 60.0)]
    public double TimeoutSeconds { get; set; } = 5;

    /// <summary>Failed verifications in a conversation before it goes to a person.</summary>
    /// <value>Default 3.</value>
    [Range(1, 10)]
    public int MaxVerificationAttempts { get; set; } = 3;

    /// <summary>Limits on failed verifications across conversations (<c>Orders:Verification:…</c>).</summary>
    public VerificationOptions Verification { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Backend == OrderBackendKind.Http && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"Orders:BaseUrl must be an http(s) URL when Orders:Backend is Http (got '{BaseUrl}')");
        }

        if (!(Verification.EmailOnlyAfter <= Verification.DelayAfter && Verification.DelayAfter <= Verification.LockAfter))
        {
            yield return new ValidationResult("Orders:Verification needs EmailOnlyAfter <= DelayAfter <= LockAfter "
                + $"(got {Verification.EmailOnlyAfter}, {Verification.DelayAfter}, {Verification.LockAfter})");
        }
    }
}
