namespace SupportBot.Orders;

/// <summary>
/// The shop's system of record for orders. The bot never decides an order's state itself: it asks, and it asks the
/// backend to act. Implementations: <see cref="HttpOrderBackend"/> (a shop's own API) and, in SupportBot.DemoStore,
/// <c>DemoOrderBackend</c> (the demo store).
/// </summary>
internal interface IOrderBackend
{
    /// <summary>The order with this number (e.g. <c>LP20481736</c>), or null when there is none.</summary>
    Task<Order?> FindOrderAsync(string number, CancellationToken cancellationToken);

    /// <summary>Every order of a customer, newest first (asked only for a verified shopper).</summary>
    Task<IReadOnlyList<Order>> OrdersOfCustomerAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Creates a return (an RMA number and a prepaid label) for some lines of a delivered order.</summary>
    /// <exception cref="OrderActionRefusedException">The backend refuses (not delivered, already returned, final sale…).</exception>
    Task<ReturnRequest> CreateReturnAsync(string number, IReadOnlyList<ReturnLine> lines, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an exchange: the line goes back on a prepaid label and the same item in <see cref="ExchangeLine.NewSize"/>
    /// is sent. A backend that cannot create exchanges refuses with <see cref="OrderActionRefusedException.NotSupported"/>,
    /// and the bot hands the request to a person.
    /// </summary>
    /// <exception cref="OrderActionRefusedException">Not delivered, outside the exchange window, final sale, already returned, or not supported.</exception>
    Task<ExchangeRequest> CreateExchangeAsync(string number, ExchangeLine line, string reason, CancellationToken cancellationToken);

    /// <summary>Cancels an order that has not shipped.</summary>
    /// <exception cref="OrderActionRefusedException">The order has shipped, or is already cancelled.</exception>
    Task<Order> CancelAsync(string number, CancellationToken cancellationToken);

    /// <summary>Changes the shipping address of an order that has not shipped.</summary>
    /// <exception cref="OrderActionRefusedException">The order has shipped, or is cancelled.</exception>
    Task<Order> ChangeShippingAddressAsync(string number, Address address, CancellationToken cancellationToken);
}

/// <summary>The backend said no to an action, for a reason a shopper can be told.</summary>
internal sealed class OrderActionRefusedException : Exception
{
    public OrderActionRefusedException(string code, string message)
        : base(message) => Code = code;

    public OrderActionRefusedException()
    {
        Code = "refused";
    }

    public OrderActionRefusedException(string message)
        : base(message) => Code = "refused";

    public OrderActionRefusedException(string message, Exception innerException)
        : base(message, innerException) => Code = "refused";

    /// <summary>The backend has no such operation (e.g. a shop's API without exchanges): a person does it instead.</summary>
    public const string NotSupported = "not_supported";

    /// <summary>A stable reason: <c>already_shipped</c>, <c>already_cancelled</c>, <c>not_delivered</c>, <c>already_returned</c>, <c>final_sale</c>, <c>outside_window</c>, <c>unknown_line</c>, <c>not_supported</c>.</summary>
    public string Code { get; }
}

/// <summary>The backend could not be reached or answered nonsense: the bot apologises and offers a person.</summary>
internal sealed class OrderBackendUnavailableException : Exception
{
    public OrderBackendUnavailableException()
    {
    }

    public OrderBackendUnavailableException(string message)
        : base(message)
    {
    }

    public OrderBackendUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
