using Icesco.Insights.Jobs.Reports.Text;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>
/// Part of the Reports settings' validation at start: the report's faces must be installed, or the service does not
/// start. Found on Monday morning instead, a missing font costs the week's report; found at start, it names the
/// package to install (the one list, <c>scripts/packages.txt</c>, has them for the Jobs).
/// </summary>
public sealed class ReportFontsValidation : IValidateOptions<ReportsOptions>
{
    /// <summary>The Debian packages the check stands for.</summary>
    public static readonly IReadOnlyList<string> Packages = ["fonts-noto-core"];

    public ValidateOptionsResult Validate(string? name, ReportsOptions options)
    {
        try
        {
            using var fonts = ReportFonts.Load();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException missing)
        {
            return ValidateOptionsResult.Fail($"{missing.Message} Install: {string.Join(' ', Packages)} (scripts/packages.txt, role jobs).");
        }
    }
}
