using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Conversation;
using SupportBot.Orders;
using SupportBot.Storage;
using SupportBot.Tests.Support;
using SupportBot.Schema;

namespace SupportBot.Tests.Orders;

/// <summary>The failure counts in SQLite and the gates they open, on a fake clock.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class VerificationLimiterTests : IDisposable
{
    private static readonly ClientIdentity Attacker = new("directline", "203.0.113.7", "shopper-1");
    private static readonly ClientIdentity Shopper = new("directline", "198.51.100.20", "shopper-2");

    private readonly TempFolder _data = TempFolder.Create();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task TheLadder_EmailOnly_ThenSlowed_ThenLockedForTheWindow_ThenForgotten()
    {
        var limiter = Limiter();
        for (var failure = 1; failure <= 2; failure++)
        {
            await limiter.RecordFailureAsync("LP10000004", Attacker, default);
        }

        Assert.Equal(VerificationStanding.Open, await limiter.StandingAsync("LP10000004", Attacker, default));
        await limiter.RecordFailureAsync("LP10000004", Attacker, default);
        Assert.Equal(VerificationGate.EmailOnly, (await limiter.StandingAsync("LP10000004", Attacker, default)).Gate);

        await limiter.RecordFailureAsync("LP10000004", Attacker, default);
        await limiter.RecordFailureAsync("LP10000004", Attacker, default);
        Assert.Equal(new VerificationStanding(VerificationGate.TryLater, TimeSpan.FromSeconds(60)), await limiter.StandingAsync("LP10000004", Attacker, default));
        _clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(TimeSpan.FromSeconds(15), (await limiter.StandingAsync("LP10000004", Attacker, default)).RetryAfter);
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(VerificationGate.EmailOnly, (await limiter.StandingAsync("LP10000004", Attacker, default)).Gate);

        for (var failure = 6; failure <= 10; failure++)
        {
            await limiter.RecordFailureAsync("LP10000004", Attacker, default);
        }

        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(new VerificationStanding(VerificationGate.TryLater, TimeSpan.FromMinutes(50)), await limiter.StandingAsync("LP10000004", Attacker, default));
        _clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(VerificationStanding.Open, await limiter.StandingAsync("LP10000004", Attacker, default));
    }

    [Fact]
    public async Task FailuresCount_PerOrder_AndPerClientAddressAndUser_EachOnItsOwn()
    {
        var limiter = Limiter();
        for (var failure = 0; failure < 3; failure++)
        {
            await limiter.RecordFailureAsync($"LP1000000{failure}", Attacker, default);
        }

        await limiter.RecordFailureAsync("LP10000009", Shopper, default);
        await limiter.RecordFailureAsync("LP10000009", Shopper, default);
        await limiter.RecordFailureAsync("LP10000009", Shopper, default);

        // The attacker's address is marked on a fresh order, and with a fresh user id; so is the guessed-at order for anyone.
        Assert.Equal(VerificationGate.EmailOnly, (await limiter.StandingAsync("LP10000007", Attacker, default)).Gate);
        Assert.Equal(VerificationGate.EmailOnly, (await limiter.StandingAsync("LP10000007", Attacker with { UserId = "shopper-new" }, default)).Gate);
        Assert.Equal(VerificationGate.EmailOnly, (await limiter.StandingAsync("LP10000009", new ClientIdentity("directline", "192.0.2.1", "u"), default)).Gate);
        Assert.Equal(VerificationStanding.Open, await limiter.StandingAsync("LP10000007", new ClientIdentity("directline", "192.0.2.1", "u"), default));
    }

    [Fact]
    public async Task Counts_SurviveARestart_AndAnUnknownNumberCountsLikeAnyOther()
    {
        var first = Limiter();
        for (var failure = 0; failure < 3; failure++)
        {
            await first.RecordFailureAsync("LP19999999", ClientIdentity.Unknown, default);
        }

        var afterRestart = Limiter();
        Assert.Equal(VerificationGate.EmailOnly, (await afterRestart.StandingAsync("lp19999999 ", Shopper, default)).Gate);
    }

    [Fact]
    public async Task AFailureAfterTheWindow_StartsTheCountAgain()
    {
        var limiter = Limiter();
        await limiter.RecordFailureAsync("LP10000004", Attacker, default);
        await limiter.RecordFailureAsync("LP10000004", Attacker, default);
        _clock.Advance(TimeSpan.FromMinutes(61));
        await limiter.RecordFailureAsync("LP10000004", Attacker, default);
        await limiter.RecordFailureAsync("LP10000004", Attacker, default);

        Assert.Equal(VerificationStanding.Open, await limiter.StandingAsync("LP10000004", Attacker, default));
    }

    [Theory]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("::1", "::1")]
    public void AClientsNetwork_IsItsIpv4Address_OrItsIpv6Slash64(string address, string network) =>
        Assert.Equal(network, ClientIdentity.NetworkOf(System.Net.IPAddress.Parse(address)));

    private VerificationLimiter Limiter()
    {
        var database = new SqliteDatabase(_data.Path);
        database.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        var store = new SqlVerificationFailureStore(database);
        return new VerificationLimiter(store, Options.Create(new OrdersOptions()), _clock);
    }
}
