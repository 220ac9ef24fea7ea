namespace Icesco.Insights.Jobs.Mail;

/// <summary>A file attached to a mail, e.g. the weekly report's PDF.</summary>
/// <param name="FileName">The name the reader sees.</param>
/// <param name="ContentType">The MIME type, e.g. <c>application/pdf</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record MailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
