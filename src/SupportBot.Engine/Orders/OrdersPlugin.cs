using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.SemanticKernel;
using SupportBot.Knowledge;

namespace SupportBot.Orders;

/// <summary>
/// The order flows as Semantic Kernel functions, for a language model's function calling. They go through the same
/// <see cref="OrderAccess"/> as the dialog, with the conversation's <see cref="OrderSession"/> from
/// <see cref="Kernel.Data"/>: a model cannot read or change an order the shopper has not verified in this
/// conversation, whatever it was told, nor change one proved by its postal code alone. What it reads is
/// <see cref="OrderFacts"/>, never the whole order.
/// </summary>
internal sealed class OrdersPlugin(OrderAccess access, LiveKnowledge knowledge, TimeProvider time)
{
    public const string PluginName = "orders";

    /// <summary>The key under which a turn's <see cref="OrderSession"/> travels in <see cref="Kernel.Data"/>.</summary>
    public const string SessionKey = "SupportBot.OrderSession";

    [KernelFunction("verify")]
    [Description("Checks that an order belongs to the shopper: the order number and the email address or ZIP/postal code on it. Must succeed before anything else about the order is available.")]
    public async Task<OrderResult> VerifyAsync(Kernel kernel,
        [Description("The order number, LP followed by 8 digits")] string orderNumber,
        [Description("The email address or ZIP/postal code the shopper gave")] string emailOrPostalCode,
        CancellationToken cancellationToken)
    {
        var session = Session(kernel);
        var result = await access.VerifyAsync(session, orderNumber.Trim().ToUpperInvariant(), emailOrPostalCode, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            Verification.Verified => Result(session, result.Order!),
            Verification.Locked => OrderResult.Error("locked", "Too many failed attempts: hand the shopper to a person."),
            Verification.EmailRequired => OrderResult.Error("email_required", "Only the email address on the order is accepted now; ask the shopper for it."),
            Verification.TryLater => OrderResult.Error("try_later", $"Too many failed checks: try again in {Math.Max(1, (int)Math.Ceiling(result.RetryAfter.TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture)} minutes with the e-mail on the order."),
            _ => OrderResult.Error("mismatch", $"The details do not match. {access.MaxAttempts - session.FailedVerifications} attempts left."),
        };
    }

    [KernelFunction("status")]
    [Description("The status, shipment, tracking link, estimated delivery, latest carrier event and returns of a verified order.")]
    public async Task<OrderResult> StatusAsync(Kernel kernel, [Description("The order number")] string orderNumber, CancellationToken cancellationToken)
    {
        var session = Session(kernel);
        var order = await access.FindVerifiedAsync(session, orderNumber.Trim().ToUpperInvariant(), cancellationToken).ConfigureAwait(false);
        return order is null ? NotVerified : Result(session, order);
    }

    [KernelFunction("create_return")]
    [Description("Creates a return for lines of a verified, delivered order and returns the RMA number and the label link.")]
    public async Task<OrderResult> CreateReturnAsync(Kernel kernel,
        [Description("The order number")] string orderNumber,
        [Description("The line ids to return, comma-separated, e.g. L1,L2")] string lineIds,
        [Description("Why the shopper returns them")] string reason,
        CancellationToken cancellationToken)
    {
        var session = Session(kernel);
        var number = orderNumber.Trim().ToUpperInvariant();
        var order = await access.FindVerifiedAsync(session, number, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return NotVerified;
        }

        if (!session.MayChange(order))
        {
            return EmailRequired;
        }

        var eligible = ReturnEligibility.Of(order, Policies(), time.GetUtcNow()).ToDictionary(l => l.Item.LineId, StringComparer.OrdinalIgnoreCase);
        var lines = new List<ReturnLine>();
        foreach (var id in lineIds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!eligible.TryGetValue(id, out var line) || !line.Eligible)
            {
                return OrderResult.Error(line?.Reason ?? "unknown_line", $"Line {id} cannot be returned.");
            }

            lines.Add(new ReturnLine(line.Item.LineId, line.ReturnableQuantity));
        }

        try
        {
            var created = await access.CreateReturnAsync(session, order, lines, reason, cancellationToken).ConfigureAwait(false);
            return Result(session, order with { Returns = [.. order.Returns, created] });
        }
        catch (OrderActionRefusedException refused)
        {
            return OrderResult.Error(refused.Code, refused.Message);
        }
    }

    [KernelFunction("cancel")]
    [Description("Cancels a verified order that has not shipped. Ask the shopper to confirm before calling.")]
    public async Task<OrderResult> CancelAsync(Kernel kernel, [Description("The order number")] string orderNumber, CancellationToken cancellationToken)
    {
        var session = Session(kernel);
        var order = await access.FindVerifiedAsync(session, orderNumber.Trim().ToUpperInvariant(), cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return NotVerified;
        }

        if (!session.MayChange(order))
        {
            return EmailRequired;
        }

        try
        {
            return Result(session, await access.CancelAsync(session, order, cancellationToken).ConfigureAwait(false));
        }
        catch (OrderActionRefusedException refused)
        {
            return OrderResult.Error(refused.Code, refused.Message);
        }
    }

    private static OrderResult NotVerified => OrderResult.Error("not_verified", "Ask for the order number and the email or ZIP/postal code on it, then call orders-verify.");

    private static OrderResult EmailRequired => OrderResult.Error("email_required",
        "This order was verified by its ZIP/postal code, which only shows status and tracking. Ask for the email address on the order, then call orders-verify with it.");

    /// <summary>The order as the model may see it: returns and returnable lines only once the shopper proved it by e-mail.</summary>
    private OrderResult Result(OrderSession session, Order order)
    {
        var full = session.MayChange(order);
        IReadOnlyList<string>? returnable = full
            ? [.. ReturnEligibility.Of(order, Policies(), time.GetUtcNow()).Where(l => l.Eligible).Select(l => l.Item.LineId)]
            : null;
        return new OrderResult(OrderFacts.Of(order, withReturns: full), returnable, null, null);
    }

    private OrderPolicies Policies() => OrderPolicies.From(knowledge.Current.Knowledge.Policies);

    private static OrderSession Session(Kernel kernel) =>
        kernel.Data.TryGetValue(SessionKey, out var value) && value is OrderSession session
            ? session
            : new OrderSession(); // No conversation: nothing is verified, so nothing is revealed.
}

/// <summary>What an order function returns to a model: the order's facts as the shopper may see them, or why not.</summary>
/// <remarks>Named member by member: Semantic Kernel writes tool results with no naming policy (see <see cref="OrderFacts"/>).</remarks>
internal sealed record OrderResult(
    [property: JsonPropertyName("order"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OrderFacts? Order,
    [property: JsonPropertyName("returnable_lines"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? ReturnableLines,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorCode,
    [property: JsonPropertyName("message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message)
{
    public static OrderResult Error(string code, string message) => new(null, null, code, message);
}
