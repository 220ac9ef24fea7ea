using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

/// <summary>Broken requests get a ClickHouse-style error, and the endpoint keeps serving afterwards.</summary>
[Collection(EmbeddedEngineCollection.Name)]
public sealed class MalformedHttpFacts(EmbeddedEngineFixture engine)
{
    [Theory]
    [InlineData("gzip", "354")]
    [InlineData("zstd", "561")]
    [InlineData("br", "448")]
    [InlineData("lz4", "618")]
    [InlineData("deflate", "354")]
    public async Task A_body_that_is_not_in_its_declared_encoding_is_a_400_with_the_decoders_code(string encoding, string code)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("this is not compressed at all, just text"));
        content.Headers.ContentEncoding.Add(encoding);

        using var response = await engine.Http.PostAsync("?query=SELECT%201", content);

        await AssertClickHouseErrorAsync(response, HttpStatusCode.BadRequest, code);
        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData("04224d187f18000080537f4c4538102027464f524d535627204148207700000000")] // asks for a predefined dictionary
    [InlineData("04224d187e40c0fcff524d41415320006400e600")] // a block longer than the buffer
    [InlineData("04224d184040c018000080531800008053454c4543542027464f524d415420435356780000008053454c4543542027464f524d415420000000")]
    public async Task A_corrupt_lz4_frame_found_by_the_fuzzer_is_a_400_with_the_lz4_code(string frame)
    {
        // Before the fix the decoder's own exceptions escaped: a 500, or an ArgumentException answered as UNKNOWN_SETTING.
        var content = new ByteArrayContent(Convert.FromHexString(frame));
        content.Headers.ContentEncoding.Add("lz4");

        using var response = await engine.Http.PostAsync(string.Empty, content);

        await AssertClickHouseErrorAsync(response, HttpStatusCode.BadRequest, "618");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task An_unknown_content_encoding_is_refused_by_name()
    {
        var content = new StringContent("SELECT 1");
        content.Headers.ContentEncoding.Add("snappy-ish");

        using var response = await engine.Http.PostAsync(string.Empty, content);

        var body = await AssertClickHouseErrorAsync(response, HttpStatusCode.BadRequest, "89");
        Assert.Contains("snappy-ish", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_insert_in_an_unknown_format_is_reported_as_unknown_format()
    {
        var database = await engine.CreateDatabaseAsync();
        await engine.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.t (a UInt32) ENGINE = MergeTree ORDER BY a");

        using var response = await engine.Http.PostAsync(string.Empty, new StringContent($"INSERT INTO {database}.t FORMAT NotAFormat\n1\n"));

        await AssertClickHouseErrorAsync(response, HttpStatusCode.NotFound, "73");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Rows_cut_off_mid_row_fail_the_insert_and_store_nothing()
    {
        var database = await engine.CreateDatabaseAsync();
        await engine.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.t (a UInt64, s String) ENGINE = MergeTree ORDER BY a");
        var rows = new MemoryStream();
        rows.Write(Encoding.ASCII.GetBytes($"INSERT INTO {database}.t FORMAT RowBinary\n"));
        rows.Write(BitConverter.GetBytes(7UL));
        rows.Write([5, (byte)'h', (byte)'e']); // a string announced as 5 bytes, 2 sent

        using var response = await engine.Http.PostAsync(string.Empty, new ByteArrayContent(rows.ToArray()));

        await AssertClickHouseErrorAsync(response, HttpStatusCode.BadRequest, "33");
        Assert.Equal(0ul, await engine.Client.ExecuteScalarAsync($"SELECT count() FROM {database}.t"));
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_does_not_stop_the_endpoint()
    {
        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync(engine.Server.Endpoint.Host, engine.Server.Endpoint.Port);
            var head = $"POST /?query=SELECT%201 HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nshort";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head));
            socket.Shutdown(SocketShutdown.Send);
            // Kestrel either answers 400 or resets the connection; both leave the server up.
            var answer = await ReceiveOrResetAsync(socket);
            Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 4", StringComparison.Ordinal), answer);
        }

        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_query_with_an_invalid_setting_name_is_a_client_error()
    {
        using var response = await engine.Http.GetAsync("?query=SELECT%201&bad%20name=1");

        Assert.True((int)response.StatusCode is >= 400 and < 500, response.StatusCode.ToString());
        Assert.StartsWith("Code: ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_answers_ok()
    {
        using var response = await engine.Http.GetAsync("ping");

        Assert.Equal("Ok.\n", await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> AssertClickHouseErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, response.Headers.GetValues("X-ClickHouse-Exception-Code").Single());
        Assert.StartsWith($"Code: {code}. DB::Exception: ", body, StringComparison.Ordinal);
        return body;
    }

    private static async Task<string> ReceiveOrResetAsync(Socket socket)
    {
        var buffer = new byte[4096];
        try
        {
            var received = await socket.ReceiveAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, received);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return string.Empty;
        }
    }

    private async Task AssertStillServingAsync()
    {
        Assert.Equal(2ul, await engine.Client.ExecuteScalarAsync("SELECT toUInt64(1 + 1)"));
    }
}
