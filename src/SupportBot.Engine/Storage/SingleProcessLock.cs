using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SupportBot.Storage;

/// <summary>
/// An exclusive lock on a file for this process: the first holder in the process opens it, later ones in the same
/// process share it (tests and CLI verbs build several hosts), another process is refused with a clear message. The
/// operating system drops it when the process dies, however it dies.
/// </summary>
internal static class SingleProcessLock
{
    private static readonly ConcurrentDictionary<string, Holder> Held = new(StringComparer.Ordinal);

    public static IDisposable Take(string path, string refusal)
    {
        lock (Held)
        {
            if (!Held.TryGetValue(path, out var holder))
            {
                try
                {
                    holder = new Holder(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException)
                {
                    throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), [refusal]);
                }

                Held[path] = holder;
            }

            holder.Count++;
            return new Release(path);
        }
    }

    private sealed class Holder(FileStream file)
    {
        public FileStream File { get; } = file;

        public int Count { get; set; }
    }

    private sealed class Release(string path) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
            {
                return;
            }

            lock (Held)
            {
                if (Held.TryGetValue(path, out var holder) && --holder.Count == 0)
                {
                    Held.TryRemove(path, out _);
                    holder.File.Dispose();
                }
            }
        }
    }
}
