using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// A finished index held as one byte array per file and read without locks. Lucene's <see cref="RAMDirectory"/>
/// takes a lock each time a reader crosses one of its 1 KB buffers, and at 10k entries that lock was half of a
/// query's time; the knowledge index never changes once built, so its files are copied here and read directly.
/// </summary>
internal sealed class FrozenDirectory : BaseDirectory
{
    private readonly Dictionary<string, byte[]> _files;

    private FrozenDirectory(Dictionary<string, byte[]> files)
    {
        _files = files;
        SetLockFactory(NoLockFactory.GetNoLockFactory());
    }

    /// <summary>Copies every file of a directory the writer has committed and closed.</summary>
    public static FrozenDirectory CopyOf(LuceneDirectory source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in source.ListAll())
        {
            using var input = source.OpenInput(name, IOContext.READ_ONCE);
            var bytes = new byte[input.Length];
            input.ReadBytes(bytes, 0, bytes.Length);
            files[name] = bytes;
        }

        return new FrozenDirectory(files);
    }

    public override string[] ListAll() => [.. _files.Keys];

    [Obsolete("Lucene marks this obsolete on Directory; it is still abstract and must be implemented.")]
    public override bool FileExists(string name) => _files.ContainsKey(name);

    public override long FileLength(string name) => File(name).Length;

    public override IndexInput OpenInput(string name, IOContext context) => new ByteArrayInput(name, File(name));

    public override IndexOutput CreateOutput(string name, IOContext context) =>
        throw new NotSupportedException("The knowledge index is frozen once built; a change builds a new index.");

    public override void DeleteFile(string name) =>
        throw new NotSupportedException("The knowledge index is frozen once built; a change builds a new index.");

    public override void Sync(ICollection<string> names)
    {
        // Nothing to make durable: the files live in memory and never change.
    }

    protected override void Dispose(bool disposing) => _files.Clear();

    private byte[] File(string name) =>
        _files.TryGetValue(name, out var bytes) ? bytes : throw new FileNotFoundException($"{name} is not in the knowledge index", name);

    /// <summary>A position over one file's bytes; clones share the array and keep their own position.</summary>
    private sealed class ByteArrayInput(string name, byte[] bytes) : IndexInput($"FrozenDirectory({name})")
    {
        private int _position;

        public override long Length => bytes.Length;

        public override long Position => _position;

        public override byte ReadByte()
        {
            if (_position >= bytes.Length)
            {
                throw new EndOfStreamException($"read past the end of {name}");
            }

            return bytes[_position++];
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            if (len > bytes.Length - _position)
            {
                throw new EndOfStreamException($"read past the end of {name}");
            }

            Buffer.BlockCopy(bytes, _position, b, offset, len);
            _position += len;
        }

        public override void Seek(long pos) => _position = checked((int)pos);

        protected override void Dispose(bool disposing)
        {
            // The bytes belong to the directory.
        }
    }
}
