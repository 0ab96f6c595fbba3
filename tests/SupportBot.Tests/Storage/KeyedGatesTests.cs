using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Storage;

/// <summary>The per-conversation turn gate on SQLite: one turn at a time per conversation, none shared between two.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class KeyedGatesTests
{
    [Fact]
    public async Task TheSameKey_Waits_AnotherKeyDoesNot_AndNothingIsKeptAfterwards()
    {
        var gates = new KeyedGates();
        var first = await gates.EnterAsync("a", CancellationToken.None);

        var sameKey = gates.EnterAsync("a", CancellationToken.None).AsTask();
        var otherKey = gates.EnterAsync("b", CancellationToken.None).AsTask();

        Assert.True(otherKey.IsCompletedSuccessfully);
        Assert.False(sameKey.IsCompleted);
        first.Dispose();
        (await sameKey).Dispose();
        (await otherKey).Dispose();
        Assert.Equal(0, gates.Count);
    }

    [Fact]
    public async Task AWaiterThatGivesUp_LeavesNoGateBehind()
    {
        var gates = new KeyedGates();
        var held = await gates.EnterAsync("a", CancellationToken.None);
        using var giveUp = new CancellationTokenSource();

        var waiting = gates.EnterAsync("a", giveUp.Token).AsTask();
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        Assert.Equal(0, gates.Count);
    }
}
