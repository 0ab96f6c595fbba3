using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using SupportBot.Storage;

namespace SupportBot.Host.Security;

/// <summary>
/// The Data Protection key ring in the shared PostgreSQL database, so a token or an agent's cookie issued by one
/// instance is read by every other. Data Protection calls these rarely (at start and when a key is due), and
/// synchronously: so they use the driver's synchronous calls rather than block on asynchronous ones. The table is
/// there before the first call (<see cref="SchemaAtStart"/> runs before Data Protection reads its keys).
/// </summary>
internal sealed class DatabaseKeyRepository(PostgresDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY name", connection);
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }

        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = Open();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private NpgsqlConnection Open() => database.Source.OpenConnection();
}
