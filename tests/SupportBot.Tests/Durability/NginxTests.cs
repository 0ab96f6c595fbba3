using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Durability;

/// <summary>
/// <c>deploy/nginx/supportbot.conf</c> as shipped (only its ports changed), Debian's nginx in front of two instances on
/// one PostgreSQL database: a conversation started, posted and streamed through it, round-robin over both.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class NginxTests
{
    private const string Nginx = "/usr/sbin/nginx";

    [Fact]
    public async Task TheShippedConfig_BalancesBothInstances_AndCarriesTheStream()
    {
        Assert.True(File.Exists(Nginx), "nginx is not installed: ./test.sh installs it (apt-get install nginx)");
        await using var storage = await CrashRecoveryTests.Storage.CreateAsync(SupportBot.Storage.StorageProvider.Postgres);
        await using var a = await ServerProcess.StartAsync(storage.Folder, storage.Settings);
        await using var b = await ServerProcess.StartAsync(storage.Folder, storage.Settings);
        using var folder = TempFolder.Create();
        var port = FreePort();
        using var nginx = StartNginx(folder.Path, port, a.Address.Port, b.Address.Port);
        try
        {
            var front = new Uri($"http://127.0.0.1:{port}/");
            using var http = new HttpClient { BaseAddress = front, Timeout = TimeSpan.FromSeconds(30) };
            await WaitForAsync(http);

            using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.Secret);
            using var started = await http.SendAsync(start);
            var body = await started.Content.ReadFromJsonAsync<JsonElement>();
            var conversation = body.GetProperty("conversationId").GetString()!;
            var token = body.GetProperty("token").GetString()!;
            var streamUrl = new Uri(body.GetProperty("streamUrl").GetString()!);
            Assert.Equal(port, streamUrl.Port);

            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(streamUrl, CancellationToken.None);
            string[] script = ["where is my order LP10000002", "ana.lima@example.com", "how long do I have to return something?"];
            string[] expect = ["email address", "LP10000002", "30 days"];
            for (var i = 0; i < script.Length; i++)
            {
                using var post = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{conversation}/activities")
                {
                    Content = JsonContent.Create(new { type = "message", text = script[i], from = new { id = "shopper" }, channelData = new { clientActivityID = $"n{i}" } }),
                };
                post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var posted = await http.SendAsync(post);
                posted.EnsureSuccessStatusCode();
                var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                Assert.Contains(expect[i], await ReplyToAsync(socket, id), StringComparison.Ordinal);
            }

            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            var upstreams = (await File.ReadAllLinesAsync(Path.Combine(folder.Path, "access.log"))).Select(l => l.Split(' ')[^1]).ToHashSet();
            Assert.Contains($"127.0.0.1:{a.Address.Port}", upstreams);
            Assert.Contains($"127.0.0.1:{b.Address.Port}", upstreams);
        }
        finally
        {
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
        }
    }

    /// <summary>The shipped server block with this test's ports, inside a minimal main configuration of its own.</summary>
    private static Process StartNginx(string folder, int port, int first, int second)
    {
        if (!OperatingSystem.IsWindows())
        {
            // Worker processes run as an unprivileged user when nginx starts as root: they write temp files here.
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }

        var shipped = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "nginx", "supportbot.conf"))
            .Replace("127.0.0.1:5081", $"127.0.0.1:{first}", StringComparison.Ordinal)
            .Replace("127.0.0.1:5082", $"127.0.0.1:{second}", StringComparison.Ordinal)
            .Replace("listen 5080;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "supportbot.conf"), shipped);
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            events { worker_connections 256; }
            http {
                log_format upstream '$request_method $uri $status $upstream_addr';
                access_log {{folder}}/access.log upstream;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/supportbot.conf;
            }
            """);
        var start = new ProcessStartInfo(Nginx) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log") })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Until nginx answers <c>/readyz</c> with 200 from an instance behind it.</summary>
    private static async Task WaitForAsync(HttpClient http)
    {
        var ready = await Eventually.ReadAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync("readyz");
                return (HttpStatusCode?)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                // nginx is not listening yet.
                return (HttpStatusCode?)null;
            }
        }, status => status == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, ready);
    }

    private static async Task<string> ReplyToAsync(ClientWebSocket socket, string id)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await DirectLineSocket.NextSetAsync(socket, patience.Token) is { } set)
        {
            foreach (var activity in set)
            {
                if (activity.GetProperty("type").GetString() == "message" && activity.TryGetProperty("replyToId", out var to) && to.GetString() == id)
                {
                    return activity.GetProperty("text").GetString() ?? "";
                }
            }
        }

        throw new InvalidOperationException($"the stream closed before the reply to {id}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
