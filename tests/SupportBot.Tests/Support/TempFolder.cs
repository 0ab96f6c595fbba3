namespace SupportBot.Tests.Support;

/// <summary>A scratch folder deleted when the test ends; optionally a copy of the shipped knowledge.</summary>
internal sealed class TempFolder : IDisposable
{
    private TempFolder(string path) => Path = path;

    public string Path { get; }

    public static TempFolder Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "supportbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new TempFolder(path);
    }

    public static TempFolder CopyOfKnowledge()
    {
        var folder = Create();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Knowledge, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(RepoPaths.Knowledge, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server under test may still hold a watcher on it; the OS temp cleaner gets it later.
        }
    }
}
