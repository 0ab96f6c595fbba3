using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupportBot.Storage;

namespace SupportBot.Host.Security;

/// <summary>
/// One ASP.NET Core Data Protection key ring for everything the server signs or encrypts (agents' cookies, Direct Line
/// tokens), kept in <c>data/keys</c> so both survive a restart. The folder is the server user's alone (0700, files
/// 0600); with <c>DataProtection:CertificatePath</c> the keys are also encrypted with that certificate.
/// </summary>
internal static class KeyRing
{
    public const string ApplicationName = "supportbot";
    public const string FolderName = "keys";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyFolderSetup>();
        var options = configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (!string.IsNullOrEmpty(options.CertificatePath))
        {
            builder.ProtectKeysWithCertificate(LoadCertificate(Path.GetFullPath(options.CertificatePath, contentRoot), options.CertificatePassword));
        }

        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw Refuse($"DataProtection:CertificatePath: '{Path.GetFileName(path)}' has no private key, so the keys could not be read back");
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw Refuse($"DataProtection:CertificatePath: cannot load '{Path.GetFileName(path)}': {ex.Message.TrimEnd('.')} (check the file and DataProtection:CertificatePassword)");
        }
    }

    private static OptionsValidationException Refuse(string failure) =>
        new(KeyRingOptions.SectionName, typeof(KeyRingOptions), [failure]);

    /// <summary>
    /// Puts the keys where every instance that serves the same shoppers reads them: in the shared database on
    /// PostgreSQL; on SQLite (one instance) under the data folder, in a folder only the server's user can read.
    /// </summary>
    private sealed class KeyFolderSetup(IOptions<StorageOptions> storage, IHostEnvironment environment, Database database) : IConfigureOptions<KeyManagementOptions>
    {
        public void Configure(KeyManagementOptions options) =>
            options.XmlRepository = database is PostgresDatabase shared
                ? new DatabaseKeyRepository(shared)
                : new PrivateFolderRepository(Path.Combine(storage.Value.DataFolder(environment.ContentRootPath), FolderName));
    }

    /// <summary>The file-system repository, with owner-only permissions on the folder and every key file (Unix).</summary>
    private sealed class PrivateFolderRepository : IXmlRepository
    {
        private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        private readonly DirectoryInfo _folder;
        private readonly FileSystemXmlRepository _files;

        public PrivateFolderRepository(string folder)
        {
            _folder = OperatingSystem.IsWindows() ? Directory.CreateDirectory(folder) : Directory.CreateDirectory(folder, FolderMode);
            if (!OperatingSystem.IsWindows())
            {
                // A folder made by an older version, or by hand, is tightened too.
                File.SetUnixFileMode(folder, FolderMode);
            }

            _files = new FileSystemXmlRepository(_folder, NullLoggerFactory.Instance);
            Tighten();
        }

        public IReadOnlyCollection<XElement> GetAllElements() => _files.GetAllElements();

        public void StoreElement(XElement element, string friendlyName)
        {
            _files.StoreElement(element, friendlyName);
            Tighten();
        }

        private void Tighten()
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            foreach (var file in _folder.EnumerateFiles("*.xml"))
            {
                File.SetUnixFileMode(file.FullName, FileMode);
            }
        }
    }
}
