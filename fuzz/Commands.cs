using System.IO.Compression;
using Icesco.Insights.Fuzz.Targets;
using K4os.Compression.LZ4.Streams;
using SharpFuzz;

namespace Icesco.Insights.Fuzz;

/// <summary>The fuzz project's commands other than the HTTP benchmark.</summary>
internal static class Commands
{
    private static readonly string[] SeedSources = ["event-body", "insert-splitter"];

    public static int Usage()
    {
        Console.Error.WriteLine($"usage: fuzz|replay <target> …, seed <corpus dir>, http-bodies <url> <pid> <count> <corpus dir>; targets: {string.Join(", ", FuzzTargets.All.Keys)}");
        return 2;
    }

    /// <summary>Under afl-fuzz: one process runs input after input (SharpFuzz's fork server); an escaping exception is a crash.</summary>
    public static int Fuzz(FuzzTarget target)
    {
        Fuzzer.Run(stream =>
        {
            using var input = new MemoryStream();
            stream.CopyTo(input);
            target(input.GetBuffer().AsSpan(0, (int)input.Length));
        });
        return 0;
    }

    public static int Replay(FuzzTarget target, IEnumerable<string> paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).Order(StringComparer.Ordinal).ToList();
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                target(File.ReadAllBytes(file));
            }
#pragma warning disable CA1031 // Replay reports every input a target fails on, whatever it threw, and exits non-zero.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed++;
                Console.WriteLine($"FAIL {file}: {e.GetType().Name}: {e.Message}");
                Console.WriteLine(e.StackTrace);
            }
        }
        Console.WriteLine($"{files.Count} inputs, {failed} failed");
        return failed == 0 && files.Count > 0 ? 0 : 1;
    }

    /// <summary>
    /// The decompression corpus: each event body and INSERT seed compressed with each encoding, behind the byte
    /// that selects it (<see cref="DecompressionTarget.Encodings"/>). Regenerated, not edited by hand.
    /// </summary>
    public static int Seed(string corpus)
    {
        var output = Path.Combine(corpus, "decompression");
        Directory.CreateDirectory(output);
        foreach (var old in Directory.EnumerateFiles(output, "seed-*"))
        {
            File.Delete(old);
        }

        // A few small payloads from each source keep the corpus small; the fuzzer grows it.
        var sources = SeedSources
            .SelectMany(t => Directory.EnumerateFiles(Path.Combine(corpus, t)).Order(StringComparer.Ordinal).Where(f => new FileInfo(f).Length < 2048).Take(4))
            .ToList();
        var written = 0;
        foreach (var source in sources)
        {
            var payload = File.ReadAllBytes(source);
            for (var selector = 0; selector < DecompressionTarget.Encodings.Count; selector++)
            {
                var encoding = DecompressionTarget.Encodings[selector];
                var body = Compress(encoding.Replace("collector-", "", StringComparison.Ordinal), payload);
                File.WriteAllBytes(Path.Combine(output, $"seed-{encoding}-{Path.GetFileName(source)}"), [(byte)selector, .. body]);
                written++;
            }
        }
        Console.WriteLine($"{written} decompression seeds from {sources.Count} payloads in {output}");
        return 0;
    }

    private static byte[] Compress(string encoding, byte[] payload)
    {
        using var memory = new MemoryStream();
        using (var compressor = Compressor(encoding, memory))
        {
            compressor.Write(payload);
        }
        return memory.ToArray();
    }

    private static Stream Compressor(string encoding, MemoryStream memory) => encoding switch
    {
        "identity" => new NonClosing(memory),
        "gzip" => new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true),
        "deflate" => new ZLibStream(memory, CompressionLevel.Fastest, leaveOpen: true),
        "br" => new BrotliStream(memory, CompressionLevel.Fastest, leaveOpen: true),
        "zstd" => new ZstdSharp.CompressionStream(memory, leaveOpen: true),
        "lz4" => LZ4Stream.Encode(memory, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "no such encoding"),
    };

    /// <summary>The identity "compressor": writes through, and leaves the memory open when disposed.</summary>
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
