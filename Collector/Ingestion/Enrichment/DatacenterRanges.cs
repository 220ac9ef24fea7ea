using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Ingestion.Enrichment;

/// <summary>
/// Address ranges of cloud and hosting providers (<c>Ingestion:DatacenterRanges</c>, by default the
/// shipped <c>Data/datacenter-ranges.csv</c>): a request from one of them is a server, not a reader,
/// whatever its user agent says, and its events are dropped as <see cref="DropReason.Datacenter"/>.
/// Lines are <c>first,last[,asn,name]</c> with IPv4 or IPv6 addresses; <c>#</c> starts a comment.
/// Ranges are merged and searched by binary search, so a lookup costs ~15 comparisons.
/// </summary>
public sealed partial class DatacenterRanges
{
    private readonly uint[] v4Starts;
    private readonly uint[] v4Ends;
    private readonly UInt128[] v6Starts;
    private readonly UInt128[] v6Ends;

    public DatacenterRanges(IOptions<IngestionOptions> options, ILogger<DatacenterRanges> logger)
    {
        var settings = options.Value;
        var v4 = new List<(uint First, uint Last)>();
        var v6 = new List<(UInt128 First, UInt128 Last)>();
        if (settings.DropDatacenterTraffic)
        {
            Path = settings.DatacenterRangesPath();
            Read(Path, v4, v6);
            RangesLoaded(logger, v4.Count + v6.Count, Path);
        }
        (v4Starts, v4Ends) = Merge(v4);
        (v6Starts, v6Ends) = Merge(v6);
    }

    /// <summary>The file read, or null when datacenter traffic is kept.</summary>
    public string? Path { get; }

    /// <summary>Merged ranges in memory (IPv4 + IPv6).</summary>
    public int Count => v4Starts.Length + v6Starts.Length;

    public bool Contains(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return address.TryWriteBytes(bytes, out _) && In(v4Starts, v4Ends, BinaryPrimitives.ReadUInt32BigEndian(bytes));
        }
        return address.TryWriteBytes(bytes, out _) && In(v6Starts, v6Ends, BinaryPrimitives.ReadUInt128BigEndian(bytes));
    }

    private static bool In<T>(T[] starts, T[] ends, T value) where T : IComparable<T>
    {
        // The last range starting at or before the value, if it also ends at or after it.
        var index = Array.BinarySearch(starts, value);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return index >= 0 && ends[index].CompareTo(value) >= 0;
    }

    private static void Read(string path, List<(uint, uint)> v4, List<(UInt128, UInt128)> v6)
    {
        var number = 0;
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.AsSpan().Trim();
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }
            var comma = line.IndexOf(',');
            var rest = comma < 0 ? [] : line[(comma + 1)..];
            var second = rest.IndexOf(',');
            var lastText = second < 0 ? rest : rest[..second];
            if (comma < 0 || !IPAddress.TryParse(line[..comma].Trim(), out var first) || !IPAddress.TryParse(lastText.Trim(), out var last)
                || first.AddressFamily != last.AddressFamily)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}, line {number}: expected 'first,last[,asn,name]' with two addresses of one family, found '{raw}'."));
            }
            first.TryWriteBytes(a, out _);
            last.TryWriteBytes(b, out _);
            if (first.AddressFamily == AddressFamily.InterNetwork)
            {
                v4.Add(Ordered(BinaryPrimitives.ReadUInt32BigEndian(a), BinaryPrimitives.ReadUInt32BigEndian(b)));
            }
            else
            {
                v6.Add(Ordered(BinaryPrimitives.ReadUInt128BigEndian(a), BinaryPrimitives.ReadUInt128BigEndian(b)));
            }
        }
    }

    private static (T, T) Ordered<T>(T first, T last) where T : IComparable<T> => first.CompareTo(last) <= 0 ? (first, last) : (last, first);

    /// <summary>Sorted, overlapping and touching ranges joined, so a binary search on starts finds the only candidate.</summary>
    private static (T[] Starts, T[] Ends) Merge<T>(List<(T First, T Last)> ranges) where T : IComparable<T>, IIncrementOperators<T>, IMinMaxValue<T>
    {
        ranges.Sort((x, y) => x.First.CompareTo(y.First));
        var starts = new List<T>(ranges.Count);
        var ends = new List<T>(ranges.Count);
        foreach (var (first, last) in ranges)
        {
            if (ends.Count > 0 && (ends[^1].CompareTo(T.MaxValue) == 0 || first.CompareTo(Next(ends[^1])) <= 0))
            {
                if (last.CompareTo(ends[^1]) > 0)
                {
                    ends[^1] = last;
                }
                continue;
            }
            starts.Add(first);
            ends.Add(last);
        }
        return ([.. starts], [.. ends]);
    }

    private static T Next<T>(T value) where T : IIncrementOperators<T>
    {
        var next = value;
        return ++next;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Ranges} datacenter address ranges read from {Path}; events from them are dropped as 'datacenter'")]
    private static partial void RangesLoaded(ILogger logger, int ranges, string path);
}
