using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Auth;

/// <summary>
/// The users file (<c>Dashboard:UsersFile</c>): JSON <c>[{ "name", "role", "passwordHash" }]</c>, written
/// atomically and readable by the service's account only, since it holds password hashes.
/// </summary>
public sealed class UsersFile(IOptions<DashboardOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path => options.Value.UsersFilePath;

    public IReadOnlyList<DashboardUser> Read()
    {
        if (!File.Exists(Path))
        {
            return [];
        }
        using var stream = File.OpenRead(Path);
        var users = JsonSerializer.Deserialize<List<DashboardUser>>(stream, Json) ?? [];
        foreach (var user in users)
        {
            // A hand-edited file with a bad entry must stop sign-in with a clear reason, not admit a user oddly.
            var problems = UserRules.Check(user).ToList();
            if (problems.Count > 0)
            {
                throw new InvalidDataException($"{Path}: user '{user.Name}': {string.Join(" ", problems)}");
            }
        }
        return users;
    }

    public void Write(IReadOnlyList<DashboardUser> users)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path + ".tmp";
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, create))
        {
            JsonSerializer.Serialize(stream, users, Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path, overwrite: true);
    }
}
