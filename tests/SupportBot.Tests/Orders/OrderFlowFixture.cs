using SupportBot.Tests.Support;

namespace SupportBot.Tests.Orders;

/// <summary>The engine with its own data folder, so the demo store these tests change is theirs alone.</summary>
public sealed class OrderFlowFixture() : OwnDataEngineFixture;
