using System.Security.Cryptography;
using System.Text;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>One numbered migration file, as shipped in the assembly.</summary>
/// <param name="Version">The number the file name starts with (<c>0003_events.sql</c> is 3).</param>
/// <param name="Name">The file name, e.g. <c>0003_events.sql</c>.</param>
/// <param name="Sql">The SQL text with its placeholders (<c>{database}</c>, ...) not yet substituted.</param>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>
    /// SHA-256 of the SQL text (hex), line endings normalised so a checkout with CRLF does not
    /// look like an edited migration. Placeholders are hashed unsubstituted: changing the
    /// database name or the retention is not an edit of the file. Computed from <see cref="Sql"/>
    /// on each read, so a copy made with <c>with</c> stays truthful.
    /// </summary>
    public string Checksum => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
