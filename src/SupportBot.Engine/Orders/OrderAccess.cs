using Microsoft.Extensions.Options;

namespace SupportBot.Orders;

/// <summary>The outcome of a verification attempt.</summary>
internal enum Verification
{
    /// <summary>The e-mail or postal code matches the order: the shopper may see it and their other orders.</summary>
    Verified,

    /// <summary>No match (or no such order: the two are never told apart).</summary>
    Mismatch,

    /// <summary>Too many failed attempts in this conversation: no more are accepted.</summary>
    Locked,

    /// <summary>A ZIP/postal code was given, but after several failures only the order's e-mail is accepted.</summary>
    EmailRequired,

    /// <summary>Too many failures on this order or from this client: no try now (see <see cref="VerificationResult.RetryAfter"/>).</summary>
    TryLater,
}

/// <summary>The outcome, the order when verified, and for <see cref="Verification.TryLater"/> how long until a try is accepted.</summary>
internal sealed record VerificationResult(Verification Outcome, Order? Order, TimeSpan RetryAfter)
{
    public static VerificationResult Of(Verification outcome) => new(outcome, null, TimeSpan.Zero);
}

/// <summary>An order operation was asked for without a verification in this conversation.</summary>
internal sealed class OrderAccessDeniedException : Exception
{
    public OrderAccessDeniedException()
        : base("The shopper has not verified this order by its e-mail in this conversation.")
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
/// conversation can no longer try. Failures also count across conversations, per order and per client
/// (<see cref="VerificationLimiter"/>); a postal code shows one order's status, and only the e-mail allows changes.
/// </summary>
internal sealed class OrderAccess(IOrderBackend backend, VerificationLimiter limiter, IOptions<OrdersOptions> options)
{
    private readonly int _maxAttempts = options.Value.MaxVerificationAttempts;

    public int MaxAttempts => _maxAttempts;

    /// <summary>
    /// Checks a proof against the order, for the client of the session's current turn. Whether the order exists
    /// plays no part until the proof is compared: the gates before it read only the counts, and a failure is
    /// counted the same for an unknown number.
    /// </summary>
    public async Task<VerificationResult> VerifyAsync(OrderSession session, string number, string proof, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(proof);
        if (session.FailedVerifications >= _maxAttempts)
        {
            return VerificationResult.Of(Verification.Locked);
        }

        var standing = await limiter.StandingAsync(number, session.Client, cancellationToken).ConfigureAwait(false);
        var byEmail = IsEmail(proof);
        if (standing.Gate == VerificationGate.TryLater)
        {
            return new VerificationResult(Verification.TryLater, null, standing.RetryAfter);
        }

        if (standing.Gate == VerificationGate.EmailOnly && !byEmail)
        {
            return VerificationResult.Of(Verification.EmailRequired);
        }

        var order = await backend.FindOrderAsync(number, cancellationToken).ConfigureAwait(false);
        if (order is not null && (session.VerifiedCustomerId is null || session.VerifiedCustomerId == order.CustomerId) && Proves(order, proof))
        {
            session.VerifiedCustomerId = order.CustomerId;
            session.FirstName = order.FirstName;
            session.OrderNumber = order.Number;
            if (byEmail)
            {
                session.VerifiedByEmail = true;
            }
            else
            {
                session.VerifiedByPostalCode.Add(order.Number);
            }

            return new VerificationResult(Verification.Verified, order, TimeSpan.Zero);
        }

        session.FailedVerifications++;
        await limiter.RecordFailureAsync(number, session.Client, cancellationToken).ConfigureAwait(false);
        return VerificationResult.Of(session.FailedVerifications >= _maxAttempts ? Verification.Locked : Verification.Mismatch);
    }

    /// <summary>The order if the session may read it (<see cref="OrderSession.MayRead"/>); null otherwise, whether it exists or not.</summary>
    public async Task<Order?> FindVerifiedAsync(OrderSession session, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.IsVerified)
        {
            return null;
        }

        var order = await backend.FindOrderAsync(number, cancellationToken).ConfigureAwait(false);
        return order is not null && session.MayRead(order) ? order : null;
    }

    /// <summary>The verified customer's orders the session may read, newest first.</summary>
    public async Task<IReadOnlyList<Order>> VerifiedOrdersAsync(OrderSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.VerifiedCustomerId is { } customer
            ? [.. (await backend.OrdersOfCustomerAsync(customer, cancellationToken).ConfigureAwait(false)).Where(session.MayRead)]
            : [];
    }

    // The actions take an order the caller found through FindVerifiedAsync and check again that the session may change
    // it (proved by e-mail), so no path (dialog or function call) can act on an order on a postal code alone.
    public Task<ReturnRequest> CreateReturnAsync(OrderSession session, Order order, IReadOnlyList<ReturnLine> lines, string reason, CancellationToken cancellationToken)
    {
        Require(session, order);
        return backend.CreateReturnAsync(order.Number, lines, reason, cancellationToken);
    }

    public Task<ExchangeRequest> CreateExchangeAsync(OrderSession session, Order order, ExchangeLine line, string reason, CancellationToken cancellationToken)
    {
        Require(session, order);
        return backend.CreateExchangeAsync(order.Number, line, reason, cancellationToken);
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
        if (IsEmail(given))
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

    /// <summary>A proof with an @ is an e-mail address; anything else is read as a ZIP/postal code.</summary>
    public static bool IsEmail(string proof) => proof.Contains('@', StringComparison.Ordinal);

    private static void Require(OrderSession session, Order order)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(order);
        if (!session.MayChange(order))
        {
            throw new OrderAccessDeniedException();
        }
    }
}
