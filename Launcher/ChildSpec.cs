namespace Icesco.Insights.Launcher;

/// <summary>
/// How to run one program of the system: <c>dotnet <see cref="AssemblyPath"/> <see cref="Arguments"/></c> with
/// <see cref="Environment"/>, ready when a line contains <see cref="ReadyMarker"/> (null: it runs to its end).
/// A line containing <see cref="CaptureMarker"/> is kept for the launcher and not relayed.
/// </summary>
internal sealed record ChildSpec(
    string Name,
    string AssemblyPath,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string? ReadyMarker,
    string? CaptureMarker = null);
