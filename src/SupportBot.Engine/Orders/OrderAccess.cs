using Microsoft.Extensions.Options;

namespace SupportBot.Orders;

/// <summary>The outcome of a verification attempt.</summary>
public enum Verification
{
    /// <summary>The e-mail or postal code matches the order: the shopper may see it and their other orders.</summary>
    Verified,

    /// <summary>No match (or no such order: the two are never told apart).</summary>
    Mismatch,

    /// <summary>Too many failed attempts in this conversation: no more are accepted.</summary>
    Locked,
}

/// <summary>An order operation was asked for without a verification in this conversation.</summary>
public sealed class OrderAccessDeniedException : Exception
{
    public OrderAccessDeniedException()
        : base("The shopper has not verified this order in this conversation.")
    {
    }

    public OrderAccessDeniedException(string message)
        : base(message)
    {
    }

    public OrderAccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The one door to orders, for the dialog and for a model's function calls alike: nothing about an order leaves
/// it before the shopper proves the order is theirs (the e-mail or the ZIP/postal code on it), an unknown number and
/// a wrong proof look the same, and after <see cref="OrdersOptions.MaxVerificationAttempts"/> failures the
/// conversation can no longer try.
/// </summary>
public sealed class OrderAccess(IOrderBackend backend, IOptions<OrdersOptions> options)
{
    private readonly int _maxAttempts = options.Value.MaxVerificationAttempts;

    public int MaxAttempts => _maxAttempts;

    public async Task<(Verification Outcome, Order? Order)> VerifyAsync(OrderSession session, string number, string proof, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.FailedVerifications >= _maxAttempts)
        {
            return (Verification.Locked, null);
        }

        var order = await backend.FindOrderAsync(number, cancellationToken).ConfigureAwait(false);
        if (order is not null && (session.VerifiedCustomerId is null || session.VerifiedCustomerId == order.CustomerId) && Proves(order, proof))
        {
            session.VerifiedCustomerId = order.CustomerId;
            session.FirstName = order.FirstName;
            session.OrderNumber = order.Number;
            return (Verification.Verified, order);
        }

        session.FailedVerifications++;
        return (session.FailedVerifications >= _maxAttempts ? Verification.Locked : Verification.Mismatch, null);
    }

    /// <summary>The order if it belongs to the customer verified in this session; null otherwise, whether it exists or not.</summary>
    public async Task<Order?> FindVerifiedAsync(OrderSession session, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.IsVerified)
        {
            return null;
        }

        var order = await backend.FindOrderAsync(number, cancellationToken).ConfigureAwait(false);
        return order?.CustomerId == session.VerifiedCustomerId ? order : null;
    }

    public async Task<IReadOnlyList<Order>> VerifiedOrdersAsync(OrderSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.VerifiedCustomerId is { } customer
            ? await backend.OrdersOfCustomerAsync(customer, cancellationToken).ConfigureAwait(false)
            : [];
    }

    // The actions take an order the caller found through FindVerifiedAsync and check again that it is the verified
    // customer's, so no path (dialog or function call) can act on an order it was not allowed to read.
    public Task<ReturnRequest> CreateReturnAsync(OrderSession session, Order order, IReadOnlyList<ReturnLine> lines, string reason, CancellationToken cancellationToken)
    {
        Require(session, order);
        return backend.CreateReturnAsync(order.Number, lines, reason, cancellationToken);
    }

    public Task<Order> CancelAsync(OrderSession session, Order order, CancellationToken cancellationToken)
    {
        Require(session, order);
        return backend.CancelAsync(order.Number, cancellationToken);
    }

    public Task<Order> ChangeShippingAddressAsync(OrderSession session, Order order, Address address, CancellationToken cancellationToken)
    {
        Require(session, order);
        return backend.ChangeShippingAddressAsync(order.Number, address, cancellationToken);
    }

    /// <summary>An e-mail matches ignoring case; a postal code ignoring case and spaces, a ZIP+4 by its first five digits.</summary>
    public static bool Proves(Order order, string proof)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(proof);
        var given = proof.Trim();
        if (given.Contains('@', StringComparison.Ordinal))
        {
            return string.Equals(given, order.Email.Trim(), StringComparison.OrdinalIgnoreCase);
        }

        static string Postal(string code)
        {
            var compact = new string(code.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
            return compact.Length == 9 && compact.All(char.IsDigit) ? compact[..5] : compact;
        }

        return Postal(given).Length >= 5 && Postal(given) == Postal(order.ShippingAddress.PostalCode);
    }

    private static void Require(OrderSession session, Order order)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(order);
        if (!session.IsVerified || order.CustomerId != session.VerifiedCustomerId)
        {
            throw new OrderAccessDeniedException();
        }
    }
}
