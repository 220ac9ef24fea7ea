using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Ingestion.Enrichment;

/// <summary>
/// The salt of each UTC day, shared by every Collector through ClickHouse (<c>visitor_salts</c>,
/// where a TTL keeps only today's and yesterday's). Agreement is a compare-and-set like the schema
/// lock's: each Collector offers a random salt with the deduplication token <c>visitor-salt-DAY</c>,
/// the server keeps the first, and everyone reads back that winner.
/// </summary>
public sealed partial class DailySaltStore(ClickHouseClient client, IOptions<ClickHouseOptions> options, TimeProvider time, ILogger<DailySaltStore> logger)
{
    private readonly ConcurrentDictionary<DateOnly, Lazy<Task<byte[]>>> salts = new();
    private readonly ConcurrentDictionary<DateOnly, byte[]> fallbacks = new();

    // The last salt agreed and its day, read by every request without a lock, a timer or a task.
    private volatile AgreedSalt? latest;

    /// <summary>
    /// A salt of this process alone, for when ClickHouse cannot be reached: events are still taken
    /// (the durable log holds them), at the cost of counting a visitor once per Collector meanwhile.
    /// </summary>
    public byte[] LocalFallback()
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var old in fallbacks.Keys.Where(k => k < day))
        {
            fallbacks.TryRemove(old, out _);
        }
        return fallbacks.GetOrAdd(day, _ => RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>Today's salt (UTC) when it has been agreed already: the request path's way, with no await.</summary>
    public bool TryGetToday(out byte[] salt)
    {
        var known = latest;
        var agreed = known is not null && known.Day == DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        salt = agreed ? known!.Salt : [];
        return agreed;
    }

    /// <summary>Today's salt (UTC), from the cache or ClickHouse.</summary>
    public Task<byte[]> TodayAsync(CancellationToken cancellationToken) =>
        ForDayAsync(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken);

    public async Task<byte[]> ForDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var lazy = salts.GetOrAdd(day, d => new Lazy<Task<byte[]>>(() => AgreeAsync(d, CancellationToken.None)));
        try
        {
            var salt = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (latest is not { } known || known.Day < day)
            {
                latest = new AgreedSalt(day, salt);
                foreach (var old in salts.Keys.Where(k => k < day.AddDays(-1)))
                {
                    salts.TryRemove(old, out _); // the day is over: forget its salt here too
                }
            }
            return salt;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            salts.TryRemove(KeyValuePair.Create(day, lazy)); // try ClickHouse again on the next request
            throw;
        }
    }

    private async Task<byte[]> AgreeAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var existing = await ReadAsync(day, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("day", dayText);
        parameters.AddParameter("salt", Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        var settings = new Dictionary<string, object>
        {
            ["insert_deduplicate"] = 1,
            ["insert_deduplication_token"] = $"visitor-salt-{dayText}",
        };
        await client.ExecuteNonQueryAsync(
            $"INSERT INTO {options.Value.Database}.visitor_salts (day, salt) VALUES (toDate({{day:String}}), {{salt:String}})",
            parameters,
            QueryPurpose.Options("visitor-salt-offer", settings: settings),
            cancellationToken).ConfigureAwait(false);

        var winner = await ReadAsync(day, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The visitor salt of {dayText} was offered but cannot be read back.");
        SaltAgreed(logger, dayText);
        return winner;
    }

    private async Task<byte[]?> ReadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        // min(): with deduplication there is one row; should a second ever slip in, all still pick the same.
        var result = await client.ExecuteScalarAsync(
            $"SELECT min(salt) FROM {options.Value.Database}.visitor_salts WHERE day = toDate({{day:String}})",
            parameters,
            QueryPurpose.Options("visitor-salt-read"),
            cancellationToken).ConfigureAwait(false);
        return result is string { Length: 64 } hex ? Convert.FromHexString(hex) : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Visitor salt of {Day} agreed")]
    private static partial void SaltAgreed(ILogger logger, string day);

    private sealed record AgreedSalt(DateOnly Day, byte[] Salt);
}
