using System.Data.Common;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using SupportBot.Storage;

namespace SupportBot.Host.Server;

/// <summary>
/// The Data Protection key ring in the shared database, so a token or an agent's cookie issued by one instance is
/// read by every other. Data Protection calls these rarely (at start and when a key is due), and synchronously.
/// </summary>
internal sealed class DatabaseKeyRepository(Database database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        StoreAsync(element, friendlyName).GetAwaiter().GetResult();
    }

    private async Task<IReadOnlyCollection<XElement>> ReadAsync()
    {
        await using var connection = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var keys = new List<XElement>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }

        return keys;
    }

    private async Task StoreAsync(XElement element, string friendlyName)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING";
        Add(command, "name", friendlyName);
        Add(command, "xml", element.ToString(SaveOptions.DisableFormatting));
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
