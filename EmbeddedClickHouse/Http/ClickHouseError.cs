using System.Globalization;
using System.Text.RegularExpressions;

namespace Icesco.Insights.EmbeddedClickHouse.Http;

/// <summary>
/// An error as a ClickHouse server reports it over HTTP: a status chosen from the error code, the
/// code in <c>X-ClickHouse-Exception-Code</c>, and the body <c>Code: N. DB::Exception: … (NAME)</c>.
/// </summary>
internal sealed partial record ClickHouseError(int Code, string Message)
{
    public const int CannotReadAllData = 33;
    public const int NotImplemented = 48;
    public const int UnknownFormat = 73;
    public const int RequiredPassword = 194;
    public const int QueryIsTooLarge = 229;
    public const int ZlibInflateFailed = 354;
    public const int BrotliReadFailed = 448;
    public const int AuthenticationFailed = 516;
    public const int ZstdDecoderFailed = 561;
    public const int Lz4DecoderFailed = 618;
    public const int UnknownCompressionMethod = 89;
    public const int StdException = 1001;

    private static readonly HashSet<int> BadRequest =
    [
        6, 25, 26, 27, 33, 36, 89, 37, 38, 41, 53, 62, 72, 117, 167, 168, 223, 271, 321, 354, 376, 448, 456, 457, 467, 561, 618, 675, 676,
    ];

    private static readonly HashSet<int> NotFound = [46, 47, 50, 56, 60, 63, 73, 78, 81, 115, 511];
    private static readonly HashSet<int> Forbidden = [192, 193, 497, 516];

    /// <summary>An error of the endpoint's own, worded like the engine's.</summary>
    public static ClickHouseError Create(int code, string name, string text)
        => new(code, $"Code: {code}. DB::Exception: {text.TrimEnd('.')}. ({name})");

    /// <summary>Reads the code out of an engine message; messages without one are STD_EXCEPTION.</summary>
    public static ClickHouseError FromEngine(string message)
    {
        var match = CodePattern().Match(message);
        return match.Success
            ? new(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), message.TrimEnd())
            : Create(StdException, "STD_EXCEPTION", message.TrimEnd());
    }

    public int HttpStatus => Code switch
    {
        RequiredPassword => StatusCodes.Status401Unauthorized,
        QueryIsTooLarge => StatusCodes.Status413PayloadTooLarge,
        NotImplemented => StatusCodes.Status501NotImplemented,
        _ when Forbidden.Contains(Code) => StatusCodes.Status403Forbidden,
        _ when NotFound.Contains(Code) => StatusCodes.Status404NotFound,
        _ when BadRequest.Contains(Code) => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    [GeneratedRegex(@"^\s*Code:\s*(\d+)\.")]
    private static partial Regex CodePattern();
}
