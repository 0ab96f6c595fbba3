using Microsoft.AspNetCore.Identity;
using SupportBot.Handoff;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class AgentPasswordCliTests
{
    [Fact]
    public async Task HashPassword_PrintsAHashThatVerifiesTheTypedPassword_AndNeverThePassword()
    {
        var (exit, output, _) = await CliRunner.RunWithInputAsync("correct horse battery\n", "agent", "hash-password");

        var hash = output.Trim();
        Assert.Equal(0, exit);
        Assert.DoesNotContain("correct horse", output, StringComparison.Ordinal);
        var hasher = new PasswordHasher<AgentAccount>();
        Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new AgentAccount(), hash, "correct horse battery"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new AgentAccount(), hash, "correct horse"));
    }

    [Fact]
    public async Task HashPassword_TooShort_IsBadUsage()
    {
        var (exit, _, error) = await CliRunner.RunWithInputAsync("short\n", "agent", "hash-password");

        Assert.Equal(2, exit);
        Assert.Contains("at least 8 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentWithoutPasswordOrKey_StopsStartUpNamingTheSetting()
    {
        var (exit, _, error) = await CliRunner.RunAsync("knowledge", "stats", "--Handoff:Agents:0:PasswordHash", "", "--Handoff:Agents:0:ApiKey", "");

        Assert.Equal(2, exit);
        Assert.Contains("Handoff:Agents:0 needs a PasswordHash", error, StringComparison.Ordinal);
    }
}
