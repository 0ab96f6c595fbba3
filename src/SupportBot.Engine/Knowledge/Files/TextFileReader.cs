using System.Text;

namespace SupportBot.Knowledge.Files;

/// <summary>
/// Reads an editor's file as strict UTF-8 text. Anything that is not (binary junk, another encoding, an
/// oversized file) becomes a diagnostic pointing at the offending line instead of an exception.
/// </summary>
internal static class TextFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Read(string path, string displayPath, long maxBytes, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > maxBytes)
            {
                diagnostics.Error(displayPath, 1,
                    $"file is {info.Length:N0} bytes; knowledge files are limited to {maxBytes:N0} bytes (Knowledge:MaxFileBytes)");
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            diagnostics.Error(displayPath, 1, $"cannot read the file: {ex.Message}");
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            diagnostics.Error(displayPath, 1, "cannot read the file: permission denied");
            return null;
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            diagnostics.Error(displayPath, LineOf(bytes, nul), "file contains NUL bytes: it is binary, not UTF-8 text");
            return null;
        }

        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(0, ex.Index);
            diagnostics.Error(displayPath, LineOf(bytes, offset),
                "file is not valid UTF-8 text (save it as UTF-8)");
            return null;
        }
    }

    private static int LineOf(byte[] bytes, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}
