using Icesco.Insights.EmbeddedClickHouse.Http;

namespace Icesco.Insights.Fuzz.Targets;

/// <summary>
/// The embedded endpoint's statement reader, which splits a request body into an INSERT's statement and its
/// data (or reads a query whole). The documented answers are a result or a <see cref="RequestBodyException"/>;
/// and the split must not depend on how the body arrives: read in one piece or a few bytes at a time, the
/// statement, the format and the data bytes are the same.
/// </summary>
public static class InsertSplitterTarget
{
    private const int MaxQuerySize = 256 * 1024;

    public static void Run(ReadOnlySpan<byte> input)
    {
        var body = input.ToArray();
        var whole = Split(body, body.Length);
        if (whole is null || body.Length > MaxQuerySize / 2)
        {
            // Refused, or past where a trickled read would be refused at another point: nothing to compare.
            return;
        }

        // A step from the input itself, so the fuzzer explores chunk boundaries as well as contents.
        var step = 1 + (body.Length > 0 ? body[^1] % 7 : 0);
        var trickled = Split(body, step) ?? throw new ContractBrokenException($"Refused when read {step} bytes at a time, not when read whole.");
        if (whole.Kind != trickled.Kind || whole.Format != trickled.Format || whole.FirstKeyword != trickled.FirstKeyword
            || !whole.Text.AsSpan().SequenceEqual(trickled.Text) || !whole.Data.AsSpan().SequenceEqual(trickled.Data))
        {
            throw new ContractBrokenException($"Read whole: {whole}; read {step} bytes at a time: {trickled}.");
        }
    }

    private sealed record Outcome(StatementKind Kind, string? Format, string? FirstKeyword, byte[] Text, byte[] Data)
    {
        public override string ToString() => $"{Kind} {FirstKeyword} FORMAT {Format}, {Text.Length} statement bytes, {Data.Length} data bytes";
    }

    /// <summary>Splits <paramref name="body"/> read <paramref name="step"/> bytes at a time; null when refused.</summary>
    private static Outcome? Split(byte[] body, int step)
    {
        using var stream = new TricklingStream(body, step);
        StatementReader.Result result;
        try
        {
            // The stream is in memory: every read completes synchronously.
            result = new StatementReader(MaxQuerySize).ReadAsync(null, stream, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (RequestBodyException)
        {
            return null;
        }

        var scan = result.Scan;
        if (scan.Kind == StatementKind.InsertWithData)
        {
            if (string.IsNullOrEmpty(scan.Format) || scan.StatementEnd > scan.DataStart || scan.DataStart > body.Length)
            {
                throw new ContractBrokenException($"An INSERT split at {scan.StatementEnd}/{scan.DataStart} of {body.Length} bytes, format '{scan.Format}'.");
            }
            if (!body.AsSpan(0, scan.StatementEnd).SequenceEqual(result.Text))
            {
                throw new ContractBrokenException("The statement of an INSERT is not the body's first bytes.");
            }
        }
        else
        {
            if (scan.Kind != StatementKind.Query || !body.AsSpan().SequenceEqual(result.Text) || !result.Leftover.IsEmpty)
            {
                throw new ContractBrokenException($"A {scan.Kind} that is not the whole body ({result.Text.Length} of {body.Length} bytes).");
            }
            // What the handler asks of a query before answering it.
            _ = StatementScanner.OutputFormat(result.Text);
        }

        // The data: what the reader read past the statement, then the rest of the body, as the handler streams it.
        var data = new MemoryStream();
        data.Write(result.Leftover.Span);
        stream.CopyTo(data);
        return new(scan.Kind, scan.Format, scan.FirstKeyword, result.Text, data.ToArray());
    }
}
