using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SupportBot.Tests.Support;

/// <summary>
/// <c>supportbot serve</c> as an operator runs it: a process of its own on a loopback port, over a data folder that
/// outlives it, stopped the hard way (<see cref="KillAsync"/> is SIGKILL: no shutdown code runs).
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string Secret = "durability-test-secret-0123456789abcdef";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>What the server wrote so far, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server on <paramref name="dataFolder"/> and waits until it is ready (<c>/readyz</c>).</summary>
    public static async Task<ServerProcess> StartAsync(string dataFolder, params string[] settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "supportbot.dll"), "serve",
            "--urls", $"http://127.0.0.1:{port}",
            "--Storage:DataPath", dataFolder,
            "--DirectLine:Secret", Secret,
            "--Knowledge:WatchForChanges", "false",
            "--Logging:LogLevel:Default", "Warning",

            // Every test client is one loopback address: the per-client budgets would measure the test, not the server.
            "--Limits:MessagesPerMinutePerConversation", "0", "--Limits:MessagesPerMinutePerClient", "0", "--Limits:HandoffsPerHourPerClient", "0",
            .. settings,
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        await server.WaitUntilReadyAsync();
        return server;
    }

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>kill -9: the process ends mid-whatever, without flushing or stopping anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!patience.IsCancellationRequested)
        {
            if (_process.HasExited)
            {
                // Waiting for the exit also waits for the redirected output to be read to its end.
                await _process.WaitForExitAsync(CancellationToken.None);
                throw new InvalidOperationException($"supportbot serve exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("readyz", patience.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!patience.IsCancellationRequested)
            {
                // One slow answer while the model trains.
            }

            await Task.Delay(200, CancellationToken.None);
        }

        throw new TimeoutException($"supportbot serve did not become ready:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
