namespace Icesco.Insights.Collector.Ingestion.Validation;

/// <summary>One broken rule: which event (by index in the batch), which field, which rule, and why.</summary>
public sealed record Violation(int Index, string Field, string Rule, string Message);

/// <summary>The names of the validation rules, as clients see them in <c>rule</c>.</summary>
public static class Rules
{
    public const string JsonSyntax = "json-syntax";
    public const string Utf8 = "utf-8";
    public const string Type = "type";
    public const string Enum = "enum";
    public const string Uuid = "uuid";
    public const string Required = "required";
    public const string AbsoluteHttpUrl = "absolute-http-url";
    public const string ForbiddenScheme = "forbidden-scheme";
    public const string MaxBytes = "max-bytes";
    public const string MaxLength = "max-length";
    public const string WholeNumber = "integer";
    public const string WithinScale = "within-scale";
    public const string AcceptedScale = "accepted-scale";
    public const string FeedbackOnly = "feedback-only";
    public const string Timestamp = "iso-8601";
    public const string BatchSize = "max-items";
    public const string NotEmpty = "not-empty";
}
