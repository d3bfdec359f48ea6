using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using AkeylessSharp.Tests.Infrastructure.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Tests.Http;

/// <summary>
/// Answers too large to hold: a gzip bomb, a huge <c>Content-Length</c>, a chunked body that does not end. Each ends at
/// <see cref="AkeylessClientOptions.MaxResponseSize"/> with a typed error naming it, without a retry; a large but
/// legitimate answer under the limit is read.
/// </summary>
public sealed class ResponseSizeTests
{
    private const long Megabyte = 1024 * 1024;

    // One gzip member of 1 MB of zeros (about 1 KB); members concatenated decompress to their sum.
    private static readonly Lazy<byte[]> s_gzipMegabyte = new(() =>
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
        {
            gzip.Write(new byte[Megabyte]);
        }

        return compressed.ToArray();
    });

    [Fact]
    public async Task Read_GzipBomb_ThrowsProtocolErrorNamingMaxResponseSizeWithoutRetry()
    {
        var member = s_gzipMegabyte.Value;
        const int members = 200;
        await using var server = new RawHttpServer(async (_, stream, stop) =>
        {
            await RawWire.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: {member.Length * members}\r\n\r\n", stop);
            for (var i = 0; i < members; i++)
            {
                await stream.WriteAsync(member, stop);
            }
        });
        using var client = server.Client();

        var ex = await ReadFailsAsync<AkeylessProtocolException>(client);

        Assert.Contains("MaxResponseSize", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("get-secret-value"));
    }

    [Fact]
    public async Task Read_ContentLengthBeyondLimit_FailsBeforeReadingTheBody()
    {
        await using var server = new RawHttpServer(async (_, stream, stop) =>
        {
            await RawWire.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {1024 * Megabyte}\r\n\r\n{{", stop);
            await RawWire.HoldAsync(stop);
        });
        using var client = server.Client(o => o.AttemptTimeout = o.TotalRequestTimeout);
        var watch = Stopwatch.StartNew();

        var ex = await ReadFailsAsync<AkeylessProtocolException>(client);

        // The body never comes: only refusing it up front can end the call before the attempt timeout (generous bound).
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        Assert.Contains("MaxResponseSize", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("get-secret-value"));
    }

    [Fact]
    public async Task Read_ChunkedBodyThatDoesNotEnd_StopsAtMaxResponseSize()
    {
        long sent = 0;
        await using var server = new RawHttpServer(async (_, stream, stop) =>
        {
            await RawWire.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", stop);
            var chunk = Encoding.ASCII.GetBytes("10000\r\n" + new string(' ', 0x10000) + "\r\n");

            // Bounded so the test ends even if the client reads on: 256 MB, four times the default limit.
            for (var i = 0; i < 4096; i++)
            {
                await stream.WriteAsync(chunk, stop);
                Interlocked.Add(ref sent, 0x10000);
            }
        });
        using var client = server.Client(o => o.MaxResponseSize = (int)(4 * Megabyte));

        var ex = await ReadFailsAsync<AkeylessProtocolException>(client);

        Assert.Contains("MaxResponseSize", ex.Message, StringComparison.Ordinal);
        Assert.Contains("4194304", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("get-secret-value"));
        Assert.InRange(Interlocked.Read(ref sent), 0, 64 * Megabyte);
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(2, false)]
    public async Task Read_LargeLegitimateAnswer_IsReadUnderTheLimitOnly(int limitMegabytes, bool read)
    {
        var value = new string('v', (int)(8 * Megabyte));
        await using var server = new RawHttpServer((_, stream, stop) => RawWire.WriteJsonAsync(stream, 200, $$"""{"/big":"{{value}}"}""", stop));
        using var client = server.Client(o => o.MaxResponseSize = (int)(limitMegabytes * Megabyte));

        if (read)
        {
            Assert.Equal(value.Length, (await client.GetSecretAsync("/big")).Length);
        }
        else
        {
            Assert.Contains("MaxResponseSize", (await ReadFailsAsync<AkeylessProtocolException>(client, "/big")).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DependencyInjectionClient_MaxResponseSizeFromConfiguration_BoundsTheAnswer()
    {
        await using var server = new RawHttpServer((_, stream, stop) => RawWire.WriteJsonAsync(stream, 200, $$"""{"/big":"{{new string('v', 8192)}}"}""", stop));
        var options = server.Options();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Akeyless:ApiUrl"] = options.ApiUrl,
            ["Akeyless:AccessId"] = options.AccessId,
            ["Akeyless:AccessKey"] = options.AccessKey,
            ["Akeyless:MaxResponseSize"] = "4096",
        }).Build();
        var services = new ServiceCollection();
        services.AddAkeyless(configuration.GetSection("Akeyless"));
        await using var provider = services.BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<AkeylessProtocolException>(() => provider.GetRequiredService<IAkeylessClient>().GetSecretAsync("/big").AsTask());

        Assert.Contains("MaxResponseSize (4096 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("get-secret-value"));
    }

    [Fact]
    public async Task ErrorAnswer_HugeBody_KeepsItsStatusAndABoundedMessage()
    {
        await using var server = new RawHttpServer(async (_, stream, stop) =>
        {
            await RawWire.WriteAsync(stream, $"HTTP/1.1 503 Busy\r\nContent-Type: text/html\r\nContent-Length: {100 * Megabyte}\r\nConnection: close\r\n\r\n<html>", stop);
            await RawWire.WriteFillerAsync(stream, (100 * Megabyte) - 6, (byte)'h', stop);
        });
        using var client = server.Client(o => { o.MaxResponseSize = (int)Megabyte; o.MaxRetries = 1; });

        var ex = await ReadFailsAsync<AkeylessServiceUnavailableException>(client);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.InRange(ex.Message.Length, 1, 2048);
        Assert.Equal(2, server.Count("get-secret-value"));
    }

    private static async Task<T> ReadFailsAsync<T>(AkeylessClient client, string path = "/app/db/password")
        where T : AkeylessException
    {
        var ex = await Assert.ThrowsAsync<T>(() => client.GetSecretAsync(path).AsTask());
        Assert.Equal("get-secret-value", ex.Command);
        Assert.DoesNotContain(RawHttpServer.Token, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("raw-server-access-key", ex.ToString(), StringComparison.Ordinal);
        return ex;
    }
}
