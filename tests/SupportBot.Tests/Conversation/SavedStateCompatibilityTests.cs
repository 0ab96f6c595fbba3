using SupportBot.Conversation;
using SupportBot.Orders;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Conversation;

/// <summary>Conversations saved before the flows were split (and before exchanges) still resume where they were.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class SavedStateCompatibilityTests
{
    // The shape the previous version wrote: no new_size, no item_hint.
    private const string SavedByThePreviousVersion = """
        {"order":{"flow":"start_return","step":"choose_reason","orderNumber":"LP10000001","verifiedCustomerId":"CUS-10001","verifiedByEmail":true,
        "verifiedByPostalCode":["LP10000001"],"firstName":"Ana","failedVerifications":0,"selectedLines":["L1"],"returnReason":null,
        "pendingActions":[{"title":"Too small"}],"pendingLines":[]},"handoff":{}}
        """;

    [Fact]
    public void AStateSavedByThePreviousVersion_Loads_AtItsStep_WithItsSlots()
    {
        var state = ConversationState.FromJson(SavedByThePreviousVersion);

        Assert.Equal((OrderFlow.Return, OrderDialog.ChooseReason, "LP10000001"), (state.Order.Flow, state.Order.Step, state.Order.OrderNumber));
        Assert.True(state.Order.VerifiedByEmail);
        Assert.Equal(["L1"], state.Order.SelectedLines);
        Assert.Null(state.Order.NewSize);
        Assert.Null(state.Order.ItemHint);
    }
}
