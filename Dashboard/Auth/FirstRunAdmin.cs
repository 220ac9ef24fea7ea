using System.Security.Cryptography;

namespace Icesco.Insights.Dashboard.Auth;

/// <summary>
/// On a first start with no user anywhere, writes an <c>admin</c> with a random password to the users
/// file (hash only) and prints the password once. Never a fixed default: a forgotten installation must
/// not be open to a well-known password.
/// </summary>
internal sealed partial class FirstRunAdmin(DashboardUsers users, UsersFile file, ILogger<FirstRunAdmin> logger) : IHostedService
{
    // No look-alikes (0/O, 1/l/I), so the password survives being read off a terminal and typed.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    public const int PasswordLength = 20;
    public const string AdminName = "admin";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (users.All().Count > 0)
        {
            return Task.CompletedTask;
        }
        var password = RandomNumberGenerator.GetString(Alphabet, PasswordLength);
        file.Write([new DashboardUser(AdminName, DashboardRoles.Admin, DashboardUsers.Hash(password))]);
        // The console, not the logger: log lines are shipped and kept; this one must be seen once and no more.
        Console.Out.WriteLine($"Dashboard first run: sign in as {AdminName} with password {password}");
        Console.Out.Flush();
        AdminCreated(logger, file.Path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Dashboard user was configured: created 'admin' in {UsersFile}; its password was printed once on the console")]
    private static partial void AdminCreated(ILogger logger, string usersFile);
}
