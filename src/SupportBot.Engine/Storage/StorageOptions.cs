using System.ComponentModel.DataAnnotations;

namespace SupportBot.Storage;

/// <summary>Where conversations, models and caches live.</summary>
internal enum StorageProvider
{
    /// <summary>A SQLite file under <see cref="StorageOptions.DataPath"/>; one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server; several instances share state.</summary>
    Postgres,
}

/// <summary>Settings of the <c>Storage</c> section.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <value>Default <see cref="StorageProvider.Sqlite"/>.</value>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder for run-time data (database file, trained models), relative to the folder holding appsettings.json.</summary>
    /// <value>Default <c>data</c>.</value>
    [Required(AllowEmptyStrings = false)]
    public string DataPath { get; set; } = "data";

    /// <summary>The data folder as an absolute path, <see cref="DataPath"/> resolved against the content root.</summary>
    public string DataFolder(string contentRoot) => Path.GetFullPath(DataPath, contentRoot);

    /// <summary>The PostgreSQL connection string when <see cref="Provider"/> is Postgres; from the environment in production.</summary>
    public string? ConnectionString { get; set; }
}
