namespace SupportBot.Host.Cli;

/// <summary>
/// Finds the folder holding the product's <c>appsettings.json</c>: the repository root when run from source
/// (wherever the shell is), the binary's own folder when published. Relative paths in the settings resolve
/// against that folder, so <c>knowledge</c> and <c>data</c> mean the same place from any working directory.
/// </summary>
internal static class SettingsLocator
{
    public const string FileName = "appsettings.json";

    public static string FindContentRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, FileName)))
                {
                    return folder.FullName;
                }
            }
        }

        return Environment.CurrentDirectory;
    }
}
