using System.Data.Common;
using System.Threading.Channels;

namespace SupportBot.Storage;

/// <summary>
/// SQLite's single writer, shared by many turns at once: the writes waiting when the writer is free go into one
/// transaction, each inside its own savepoint, and one commit makes them all durable. Under load a commit then costs
/// its statements, not a transaction and a trip through the writer gate each, so the queue at the gate drains as fast
/// as it fills. A write that fails (a stale state version) rolls back to its savepoint alone; a failed commit fails
/// every write of the batch, and none of them is stored.
/// </summary>
internal sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>Writes one transaction takes at most, so the first in a long queue waits a bounded time.</summary>
    internal const int MaxBatch = 128;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly Func<CancellationToken, ValueTask<IDisposable>> _writer;
    private readonly Task _loop;

    public GroupCommit(Func<CancellationToken, Task<DbConnection>> open, Func<CancellationToken, ValueTask<IDisposable>> writer)
    {
        _open = open;
        _writer = writer;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Runs <paramref name="write"/> in the next batch's transaction; returns once that transaction has committed.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(write, cancellationToken);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        return await pending.Done.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    /// <summary>Takes no more writes; the ones queued are still committed (<see cref="Completion"/> ends when they are).</summary>
    public void Complete() => _queue.Writer.TryComplete();

    public Task Completion => _loop;

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                if (!next.TryAbandon())
                {
                    batch.Add(next);
                }
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var written = new List<PendingWrite>(batch.Count);
        try
        {
            // Once a batch starts, its writes run to the end: a shopper who left must not leave half a turn behind.
            using var gate = await _writer(CancellationToken.None).ConfigureAwait(false);
            await using var connection = await _open(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await transaction.SaveAsync(savepoint).ConfigureAwait(false);
                try
                {
                    await batch[i].RunAsync(connection, transaction).ConfigureAwait(false);
                    await transaction.ReleaseAsync(savepoint).ConfigureAwait(false);
                    written.Add(batch[i]);
                }
                catch (Exception failure) when (failure is not OutOfMemoryException)
                {
                    await transaction.RollbackAsync(savepoint).ConfigureAwait(false);
                    batch[i].Fail(failure);
                }
            }

            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // Nothing of the batch is stored: every write that has not failed on its own fails with the commit.
            foreach (var write in batch)
            {
                write.Fail(failure);
            }

            return;
        }

        foreach (var write in written)
        {
            write.Succeed();
        }
    }

    private abstract class PendingWrite
    {
        /// <summary>Ends a write whose caller gave up before its batch began (its task is cancelled); false for one still wanted.</summary>
        public abstract bool TryAbandon();

        public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);

        public abstract void Succeed();

        public abstract void Fail(Exception failure);
    }

    private sealed class PendingWrite<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken) : PendingWrite
    {
        private T? _result;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool TryAbandon() => cancellationToken.IsCancellationRequested && Done.TrySetCanceled(cancellationToken);

        public override async Task RunAsync(DbConnection connection, DbTransaction transaction) =>
            _result = await write(connection, transaction).ConfigureAwait(false);

        public override void Succeed() => Done.TrySetResult(_result!);

        public override void Fail(Exception failure) => Done.TrySetException(failure);
    }
}
