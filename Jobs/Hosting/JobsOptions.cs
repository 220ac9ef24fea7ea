using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Jobs.Hosting;

/// <summary>Hangfire in the Jobs service; section <c>Jobs</c>. Validated at start.</summary>
public sealed class JobsOptions : IValidatableObject
{
    public const string SectionName = "Jobs";

    /// <summary>Where the schedule and the job queue live: in this process, or in Redis shared by several Jobs servers.</summary>
    public JobsStorageKind Storage { get; set; } = JobsStorageKind.InMemory;

    /// <summary>StackExchange.Redis connection string; required when <see cref="Storage"/> is Redis.</summary>
    public string? RedisConnection { get; set; }

    /// <summary>Key prefix of Hangfire's keys in Redis, so one Redis can serve other uses too.</summary>
    [Required]
    public string RedisPrefix { get; set; } = "icesco:hangfire:";

    /// <summary>The time zone every cron expression is read in (ICESCO's headquarters by default).</summary>
    [Required]
    public string TimeZone { get; set; } = "Africa/Casablanca";

    /// <summary>Cron expressions by recurring job id; a job without an entry keeps the default its feature gives.</summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Who may open the Hangfire dashboard; with nobody here the dashboard is not mapped at all.</summary>
    public IList<DashboardAdmin> DashboardAdmins { get; set; } = [];

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often the server looks for due recurring and delayed jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The configured time zone; valid once the options passed validation.</summary>
    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Storage == JobsStorageKind.Redis && string.IsNullOrWhiteSpace(RedisConnection))
        {
            yield return new ValidationResult("Jobs:RedisConnection is required when Jobs:Storage is Redis.", [nameof(RedisConnection)]);
        }

        if (!TimeZoneExists(TimeZone))
        {
            yield return new ValidationResult($"Jobs:TimeZone: '{TimeZone}' is not a time zone known to this system (use an IANA id such as Africa/Casablanca).", [nameof(TimeZone)]);
        }

        foreach (var (id, cron) in Schedules)
        {
            if (string.IsNullOrWhiteSpace(cron))
            {
                yield return new ValidationResult($"Jobs:Schedules:{id} is empty; give a cron expression or remove the entry.", [nameof(Schedules)]);
            }
        }

        foreach (var admin in DashboardAdmins)
        {
            if (string.IsNullOrWhiteSpace(admin.Name))
            {
                yield return new ValidationResult("Jobs:DashboardAdmins: every admin needs a Name.", [nameof(DashboardAdmins)]);
            }
            if (admin.Sha256 is not { Length: 64 } || !admin.Sha256.All(char.IsAsciiHexDigit))
            {
                yield return new ValidationResult($"Jobs:DashboardAdmins: the admin '{admin.Name}' needs Sha256 = 64 hex digits (the SHA-256 of the password, never the password).", [nameof(DashboardAdmins)]);
            }
        }
    }

    private static bool TimeZoneExists(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}

public enum JobsStorageKind
{
    InMemory,
    Redis,
}

/// <summary>A dashboard administrator, known by name and the SHA-256 (hex) of the password.</summary>
public sealed class DashboardAdmin
{
    public string Name { get; set; } = "";

    public string Sha256 { get; set; } = "";
}
