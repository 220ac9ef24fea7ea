using System.Text;

namespace Icesco.Insights.EmbeddedClickHouse.Engine;

/// <summary>
/// Gives a pooled connection the state one HTTP request asks for — its database and its settings —
/// and takes the settings back afterwards, as a ClickHouse server scopes URL settings to one query.
/// </summary>
internal sealed class RequestScope : IDisposable
{
    private readonly EngineConnection connection;
    private readonly IReadOnlyCollection<KeyValuePair<string, string>> settings;

    private RequestScope(EngineConnection connection, IReadOnlyCollection<KeyValuePair<string, string>> settings)
    {
        this.connection = connection;
        this.settings = settings;
    }

    /// <exception cref="EngineException">The database does not exist, or a setting is unknown or invalid.</exception>
    public static RequestScope Enter(EngineConnection connection, string database, IReadOnlyCollection<KeyValuePair<string, string>> settings)
    {
        if (!string.Equals(connection.CurrentDatabase, database, StringComparison.Ordinal))
        {
            connection.ExecuteOrThrow($"USE {SqlText.QuoteIdentifier(database)}");
            connection.CurrentDatabase = database;
        }

        var scope = new RequestScope(connection, settings);
        if (settings.Count > 0)
        {
            try
            {
                connection.ExecuteOrThrow("SET " + string.Join(", ", settings.Select(s => $"{s.Key} = {SqlText.QuoteString(s.Value)}")));
            }
            catch (EngineException)
            {
                // A SET list may fail part-way; put back whatever was applied before reporting.
                scope.Dispose();
                throw;
            }
        }

        return scope;
    }

    public void Dispose()
    {
        if (settings.Count == 0)
        {
            return;
        }

        var reset = new StringBuilder("SET ");
        reset.AppendJoin(", ", settings.Select(s => $"{s.Key} = DEFAULT"));
        try
        {
            connection.ExecuteOrThrow(reset.ToString());
        }
        catch (EngineException)
        {
            // Its settings are now unknown: the pool must not hand this session to anyone else.
            connection.Tainted = true;
        }
    }
}
