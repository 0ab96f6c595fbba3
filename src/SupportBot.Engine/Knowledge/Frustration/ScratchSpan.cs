using System.Buffers;

namespace SupportBot.Knowledge.Frustration;

/// <summary>
/// Working memory for one message: the caller's stack buffer when the message fits, a pooled array when it does not,
/// so a chat-sized message costs no allocation and a pasted essay still works.
/// </summary>
internal ref struct ScratchSpan<T>
{
    private readonly T[]? _rented;

    public ScratchSpan(Span<T> stack, int length)
    {
        if (length <= stack.Length)
        {
            Span = stack[..length];
        }
        else
        {
            _rented = ArrayPool<T>.Shared.Rent(length);
            Span = _rented.AsSpan(0, length);
        }
    }

    public Span<T> Span { get; }

    public readonly void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<T>.Shared.Return(_rented);
        }
    }
}
