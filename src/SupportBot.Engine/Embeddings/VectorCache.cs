using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SupportBot.Embeddings;

/// <summary>
/// Vectors already computed, keyed by the model's id and a SHA-256 of the text: in memory (least recently used go
/// first, <see cref="EmbeddingOptions.MemoryCacheEntries"/> at most) and, for the knowledge's and the training data's
/// texts, on disk in <c>vectors.db</c> (SQLite, WAL), so a restart, a reload or a retrain embeds only what is new.
/// Shoppers' messages are never written to disk. Thread-safe; several processes may share the file.
/// </summary>
internal sealed class VectorCache
{
    private readonly string? _connectionString;
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, float[] Vector)>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, float[] Vector)> _recency = new();
    private readonly Lock _schemaGate = new();
    private volatile bool _schemaReady;

    /// <param name="folder">Where <c>vectors.db</c> lives; null keeps vectors in memory only.</param>
    public VectorCache(string? folder, int memoryEntries)
    {
        _capacity = memoryEntries;
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(folder, "vectors.db"),
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
        }
    }

    /// <summary>Vectors in memory now (for tests and status).</summary>
    public int MemoryCount
    {
        get
        {
            lock (_gate)
            {
                return _byKey.Count;
            }
        }
    }

    public static string KeyOf(string modelId, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(modelId + "\n" + text)));

    /// <summary>Fills <paramref name="found"/>[i] for every key known in memory or (when <paramref name="disk"/>) on disk.</summary>
    public void Lookup(IReadOnlyList<string> keys, float[]?[] found, bool disk)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(found);
        var missing = new List<int>();
        lock (_gate)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                if (_byKey.TryGetValue(keys[i], out var node))
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    found[i] = node.Value.Vector;
                }
                else
                {
                    missing.Add(i);
                }
            }
        }

        if (!disk || _connectionString is null || missing.Count == 0)
        {
            return;
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT vector FROM vectors WHERE key = $key";
        var parameter = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var i in missing)
        {
            parameter.Value = keys[i];
            if (command.ExecuteScalar() is byte[] bytes && bytes.Length % sizeof(float) == 0)
            {
                var vector = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
                found[i] = vector;
                Remember(keys[i], vector);
            }
        }
    }

    /// <summary>Keeps new vectors in memory and, when <paramref name="disk"/>, on disk.</summary>
    public void Store(IReadOnlyList<string> keys, IReadOnlyList<float[]> vectors, bool disk)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(vectors);
        for (var i = 0; i < keys.Count; i++)
        {
            Remember(keys[i], vectors[i]);
        }

        if (!disk || _connectionString is null || keys.Count == 0)
        {
            return;
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO vectors (key, vector) VALUES ($key, $vector)";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var blob = command.Parameters.Add("$vector", SqliteType.Blob);
        for (var i = 0; i < keys.Count; i++)
        {
            key.Value = keys[i];
            blob.Value = MemoryMarshal.AsBytes(vectors[i].AsSpan()).ToArray();
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private void Remember(string key, float[] vector)
    {
        if (_capacity == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_byKey.TryGetValue(key, out var existing))
            {
                _recency.Remove(existing);
                _recency.AddFirst(existing);
                return;
            }

            _byKey[key] = _recency.AddFirst((key, vector));
            while (_byKey.Count > _capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _byKey.Remove(oldest.Value.Key);
            }
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        if (!_schemaReady)
        {
            lock (_schemaGate)
            {
                if (!_schemaReady)
                {
                    using var schema = connection.CreateCommand();
                    schema.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID;";
                    schema.ExecuteNonQuery();
                    _schemaReady = true;
                }
            }
        }

        return connection;
    }
}
