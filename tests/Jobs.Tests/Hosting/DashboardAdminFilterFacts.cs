using System.Security.Cryptography;
using System.Text;
using Icesco.Insights.Jobs.Hosting;

namespace Icesco.Insights.Jobs.Tests.Hosting;

public sealed class DashboardAdminFilterFacts
{
    private static readonly DashboardAdmin[] Admins =
    [
        new() { Name = "ops", Sha256 = Hash("s3cret:with:colons") },
        new() { Name = "editor", Sha256 = Hash("other") },
    ];

    private static string Hash(string password) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));

    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    [Fact]
    public void An_admins_name_and_password_are_accepted_even_with_colons_in_the_password() =>
        Assert.True(DashboardAdminFilter.IsAdmin(Basic("ops:s3cret:with:colons"), Admins));

    [Fact]
    public void Another_admins_password_under_this_name_is_rejected() =>
        Assert.False(DashboardAdminFilter.IsAdmin(Basic("ops:other"), Admins));

    [Theory]
    [InlineData("")]
    [InlineData("Basic")]
    [InlineData("Basic !!not-base64!!")]
    [InlineData("Bearer b3BzOnMzY3JldA==")]
    public void Missing_or_malformed_credentials_are_rejected(string header) =>
        Assert.False(DashboardAdminFilter.IsAdmin(header, Admins));

    [Fact]
    public void Credentials_without_a_colon_are_rejected() =>
        Assert.False(DashboardAdminFilter.IsAdmin(Basic("ops"), Admins));

    [Fact]
    public void Nobody_is_an_admin_when_none_are_configured() =>
        Assert.False(DashboardAdminFilter.IsAdmin(Basic("ops:s3cret:with:colons"), []));
}
