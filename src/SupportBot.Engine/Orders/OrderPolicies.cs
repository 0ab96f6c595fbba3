using System.Runtime.CompilerServices;
using SupportBot.Knowledge;

namespace SupportBot.Orders;

/// <summary>
/// The store facts the order flows apply, read from <c>policies.yml</c>: the same numbers the FAQ states, so the
/// bot never says one thing in an answer and does another in a flow.
/// </summary>
internal sealed record OrderPolicies(
    int ReturnWindowDays,
    int CancellationWindowMinutes,
    int RefundProcessingDays,
    int RefundToOriginalMethodDays,
    int LabelValidDays,
    int LateContactDays,
    int AuthorizationReleaseDays,
    string DropOff,
    string CanadaDropOff,
    string SupportEmail,
    string? SupportPhone,
    int ExchangeWindowDays)
{
    private static readonly ConditionalWeakTable<StorePolicies, OrderPolicies> ByVersion = [];

    /// <summary>The order rules of a knowledge version; read once per version, not on every turn.</summary>
    public static OrderPolicies From(StorePolicies policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return ByVersion.GetValue(policies, Read);
    }

    /// <summary>
    /// The order rules as a language states them: the same numbers, with the language's words for the drop-off places
    /// (<c>policies.&lt;lang&gt;.yml</c>); the facts as written for the default language or none.
    /// </summary>
    public static OrderPolicies From(StorePolicies policies, string? language)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return From(policies.In(language));
    }

    /// <summary>The numbers every order sentence may quote, by their placeholder names in <c>responses/orders.yml</c>.</summary>
    public IEnumerable<(string Name, string Value)> Placeholders()
    {
        static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return ("return_window_days", Text(ReturnWindowDays));
        yield return ("exchange_window_days", Text(ExchangeWindowDays));
        yield return ("cancellation_window_minutes", Text(CancellationWindowMinutes));
        yield return ("refund_processing_days", Text(RefundProcessingDays));
        yield return ("refund_to_original_method_days", Text(RefundToOriginalMethodDays));
        yield return ("label_valid_days", Text(LabelValidDays));
        yield return ("late_contact_days", Text(LateContactDays));
        yield return ("authorization_release_days", Text(AuthorizationReleaseDays));
    }

    private static OrderPolicies Read(StorePolicies policies)
    {
        int Number(string path, int fallback) => (int?)policies.GetNumber(path) ?? fallback;
        return new OrderPolicies(
            Number("returns.window_days", 30),
            Number("orders.cancellation_window_minutes", 60),
            Number("returns.refund_processing_days", 3),
            Number("returns.refund_to_original_method_days", 10),
            Number("returns.label_valid_days", 14),
            Number("shipping.late_contact_days", 5),
            Number("payments.authorization_release_days", 5),
            policies.GetText("returns.drop_off_text") ?? "a carrier drop-off point",
            policies.GetText("returns.canada_drop_off_text") ?? policies.GetText("returns.drop_off_text") ?? "a carrier drop-off point",
            policies.GetText("store.support_email") ?? "our support team",
            policies.GetText("store.support_phone"),
            Number("returns.exchange_window_days", Number("returns.window_days", 30)));
    }
}
