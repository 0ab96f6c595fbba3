using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SupportBot.Handoff;

namespace SupportBot.Host.Agents;

/// <summary>
/// The agents from <c>Handoff:Agents</c>: checks a password against its ASP.NET Core Identity hash (PBKDF2) or an
/// API key in constant time, and turns the signed-in principal back into the account.
/// </summary>
internal sealed partial class AgentDirectory
{
    /// <summary>The password of the demo agent in appsettings.Development.json; outside Development start-up refuses it.</summary>
    public const string DemoPassword = "supportbot-demo";

    private static readonly PasswordHasher<AgentAccount> Hasher = new();
    private readonly Dictionary<string, AgentAccount> _byId;

    public AgentDirectory(IOptions<HandoffOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _byId = options.Value.Agents.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
    }

    public static string HashPassword(string password) => Hasher.HashPassword(new AgentAccount(), password);

    public IEnumerable<AgentAccount> All => _byId.Values;

    public AgentAccount? SignIn(string id, string password)
    {
        if (!_byId.TryGetValue(id, out var agent) || agent.PasswordHash is null)
        {
            // Same work for an unknown id as for a wrong password, so timing does not tell which ids exist.
            Hasher.VerifyHashedPassword(new AgentAccount(), UnknownAgentHash.Value, password);
            return null;
        }

        return Hasher.VerifyHashedPassword(agent, agent.PasswordHash, password) == PasswordVerificationResult.Failed ? null : agent;
    }

    public AgentAccount? ByApiKey(string key)
    {
        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        AgentAccount? found = null;
        foreach (var agent in _byId.Values)
        {
            if (agent.ApiKey is { Length: > 0 } own && CryptographicOperations.FixedTimeEquals(offered, SHA256.HashData(Encoding.UTF8.GetBytes(own))))
            {
                found = agent;
            }
        }

        return found;
    }

    public AgentAccount? Of(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && _byId.TryGetValue(id, out var agent) ? agent : null;

    public static bool UsesDemoPassword(AgentAccount agent) =>
        agent.PasswordHash is { } hash && Hasher.VerifyHashedPassword(agent, hash, DemoPassword) != PasswordVerificationResult.Failed;

    public static ClaimsPrincipal Principal(AgentAccount agent, string scheme) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, agent.Id), new Claim(ClaimTypes.Name, agent.Name)], scheme));

    private static readonly Lazy<string> UnknownAgentHash = new(() => HashPassword(Guid.NewGuid().ToString()));
}
