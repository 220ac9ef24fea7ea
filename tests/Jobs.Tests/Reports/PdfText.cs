using System.Diagnostics;
using System.Text;

namespace Icesco.Insights.Jobs.Tests.Reports;

/// <summary>What a reader's tools see in a PDF: Debian's poppler-utils (<c>pdftotext</c>, <c>pdfinfo</c>), NFKC-normalised.</summary>
public static class PdfText
{
    /// <summary>The text of <paramref name="pdf"/>, NFKC-normalised (Arabic presentation forms become letters).</summary>
    public static async Task<string> ExtractAsync(byte[] pdf) =>
        (await RunAsync("pdftotext", pdf, "-enc", "UTF-8", "{file}", "-")).Normalize(NormalizationForm.FormKC);

    /// <summary>
    /// <paramref name="text"/> as words separated by single spaces: a label is found as its word sequence
    /// whatever the line breaks. The direction marks <c>pdftotext</c> puts around runs count as spaces: it
    /// moves the space between an Arabic word and a Latin one inside the Latin run ("منتدى ‪ ICESCO‬الثقافي").
    /// </summary>
    public static string Words(string text) =>
        string.Join(' ', new string([.. text.Select(c => c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') ? ' ' : c)])
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static async Task<int> PagesAsync(byte[] pdf)
    {
        var info = await RunAsync("pdfinfo", pdf, "{file}");
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"icesco-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == "{file}" ? file : argument);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (Debian: apt-get install poppler-utils).");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await error}");
            return await output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
