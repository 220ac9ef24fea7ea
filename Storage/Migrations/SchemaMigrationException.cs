namespace Icesco.Insights.Storage.Migrations;

/// <summary>The schema cannot be brought up to date: an applied migration was edited, or the lock was not obtained.</summary>
public sealed class SchemaMigrationException : Exception
{
    public SchemaMigrationException()
    {
    }

    public SchemaMigrationException(string message)
        : base(message)
    {
    }

    public SchemaMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
