using System.Text;
using Icesco.Insights.EmbeddedClickHouse.Engine;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.EmbeddedClickHouse.Http;

/// <summary>
/// Serves <c>POST /</c> and <c>GET /</c> as ClickHouse's HTTP interface does: read the statement, run
/// it on a pooled engine connection with the request's database, parameters and settings, and answer
/// with the output or a ClickHouse-style error. INSERT data is streamed into the engine chunk by chunk.
/// </summary>
internal sealed partial class ClickHouseHttpHandler(
    EngineHost host,
    IOptions<EmbeddedClickHouseOptions> options,
    ILogger<ClickHouseHttpHandler> logger)
{
    private const int InsertChunkSize = 1 << 20;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        var queryId = request.Query["query_id"].ToString() is { Length: > 0 } id ? id : Guid.NewGuid().ToString();
        ResponseHeaders.WriteCommon(response, queryId, host.Engine.Timezone);

        try
        {
            if (Credentials.Check(request, options.Value) is { } denied)
            {
                await WriteErrorAsync(response, denied).ConfigureAwait(false);
                return;
            }

            var parameters = RequestParameters.Parse(request.Query) with { QueryId = queryId };
            if (parameters.SessionId is not null)
            {
                await WriteErrorAsync(response, ClickHouseError.Create(
                    ClickHouseError.NotImplemented, "NOT_IMPLEMENTED", "Sessions (session_id) are not supported by the embedded ClickHouse endpoint")).ConfigureAwait(false);
                return;
            }

            if (HttpMethods.IsPost(request.Method))
            {
                // Inserts may be arbitrarily large: they are streamed, never held whole.
                context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = null;
            }

            await using var body = HttpMethods.IsPost(request.Method) ? RequestBody.Open(request) : Stream.Null;
            var statement = await new StatementReader(options.Value.MaxQuerySize).ReadAsync(parameters.Query, body, cancellationToken).ConfigureAwait(false);
            if (statement.Text.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            {
                await WriteErrorAsync(response, ClickHouseError.Create(62, "SYNTAX_ERROR", "Empty query")).ConfigureAwait(false);
                return;
            }

            using var lease = await host.Pool.RentAsync(cancellationToken).ConfigureAwait(false);
            var connection = lease.Connection;
            using (RequestScope.Enter(connection, parameters.Database, parameters.Settings))
            {
                if (statement.Scan.Kind == StatementKind.InsertWithData)
                {
                    await InsertAsync(response, connection, statement, parameters, body, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await QueryAsync(response, connection, statement, parameters).ConfigureAwait(false);
                }
            }
        }
        catch (ArgumentException e)
        {
            await WriteErrorAsync(response, ClickHouseError.Create(115, "UNKNOWN_SETTING", e.Message)).ConfigureAwait(false);
        }
        catch (RequestBodyException e)
        {
            LogBadRequest(logger, queryId, e.Error.Message);
            await WriteErrorAsync(response, e.Error).ConfigureAwait(false);
        }
        catch (EngineException e)
        {
            await WriteErrorAsync(response, ClickHouseError.FromEngine(e.Message)).ConfigureAwait(false);
        }
    }

    private static async Task QueryAsync(HttpResponse response, EngineConnection connection, StatementReader.Result statement, RequestParameters parameters)
    {
        // SET and USE change the session itself; a server scopes them to the request, so the
        // connection is retired rather than handed on with unknown state.
        if (statement.Scan.FirstKeyword is "SET" or "USE")
        {
            connection.Tainted = true;
        }

        using var result = connection.Execute(statement.Text, parameters.DefaultFormat, parameters.Parameters);
        if (result.Error is not null)
        {
            await WriteErrorAsync(response, ClickHouseError.FromEngine(result.Error)).ConfigureAwait(false);
            return;
        }

        var format = StatementScanner.OutputFormat(statement.Text) ?? parameters.DefaultFormat;
        ResponseHeaders.WriteResult(response, result, format);
        response.ContentLength = result.Length;
        await using var output = result.OpenOutput();
        await output.CopyToAsync(response.Body).ConfigureAwait(false);
    }

    private static async Task InsertAsync(
        HttpResponse response, EngineConnection connection, StatementReader.Result statement, RequestParameters parameters, Stream body, CancellationToken cancellationToken)
    {
        var format = statement.Scan.Format!;
        using var insert = connection.BeginInsert(statement.Text, format, parameters.Parameters);
        if (insert.Error is { } startError)
        {
            await WriteErrorAsync(response, ClickHouseError.FromEngine(startError)).ConfigureAwait(false);
            return;
        }

        try
        {
            if (!await StreamBodyAsync(insert, statement.Leftover, body, cancellationToken).ConfigureAwait(false))
            {
                await WriteErrorAsync(response, ClickHouseError.FromEngine(insert.Error ?? "Code: 1001. DB::Exception: insert failed. (STD_EXCEPTION)")).ConfigureAwait(false);
                return;
            }
        }
        catch (Exception)
        {
            // Whatever stopped the body (a corrupt frame, a client gone), nothing half-read is committed.
            insert.Cancel();
            throw;
        }

        using var result = insert.Finish();
        if (result.Error is not null)
        {
            await WriteErrorAsync(response, ClickHouseError.FromEngine(result.Error)).ConfigureAwait(false);
            return;
        }

        ResponseHeaders.WriteResult(response, result, format);
        response.ContentLength = 0;
    }

    private static async Task<bool> StreamBodyAsync(EngineInsert insert, ReadOnlyMemory<byte> leftover, Stream body, CancellationToken cancellationToken)
    {
        if (!leftover.IsEmpty && !insert.Append(leftover.Span))
        {
            return false;
        }

        var chunk = new byte[InsertChunkSize];
        while (true)
        {
            // Fill the chunk before handing it over: fewer, larger appends keep the engine's
            // per-append cost out of the insert rate.
            var filled = 0;
            int read;
            while (filled < chunk.Length && (read = await body.ReadAsync(chunk.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            if (filled == 0)
            {
                return true;
            }

            if (!insert.Append(chunk.AsSpan(0, filled)))
            {
                return false;
            }
        }
    }

    private static async Task WriteErrorAsync(HttpResponse response, ClickHouseError error)
    {
        if (response.HasStarted)
        {
            // Too late for a status: cutting the connection is how the client learns the answer is incomplete.
            response.HttpContext.Abort();
            return;
        }

        ResponseHeaders.WriteError(response, error);
        await response.WriteAsync(error.Message + "\n", Encoding.UTF8).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected request {QueryId}: {Error}")]
    private static partial void LogBadRequest(ILogger logger, string queryId, string error);
}
