namespace Icesco.Insights.EmbeddedClickHouse.Http;

internal enum TokenKind
{
    Word,
    Open,
    Close,
    Other,
}

internal readonly record struct Token(TokenKind Kind, int Start, int End);

/// <summary>
/// Splits SQL into words, brackets and everything else, skipping whitespace, comments, string literals
/// and quoted identifiers. A token that reaches the end of text not yet complete is not returned:
/// <see cref="NeedsMore"/> tells the caller to read on.
/// </summary>
internal ref struct SqlLexer(ReadOnlySpan<byte> text, bool complete)
{
    private readonly ReadOnlySpan<byte> text = text;
    private int position;

    public bool NeedsMore { get; private set; }

    public bool Next(out Token token)
    {
        token = default;
        if (!SkipTrivia())
        {
            return false;
        }

        var start = position;
        var c = text[position];
        if (IsWordStart(c))
        {
            while (position < text.Length && IsWordPart(text[position]))
            {
                position++;
            }

            // A word touching the end may continue in the next chunk ("FORM" + "AT").
            if (position == text.Length && !complete)
            {
                NeedsMore = true;
                return false;
            }

            token = new(TokenKind.Word, start, position);
            return true;
        }

        if (c is (byte)'\'' or (byte)'`' or (byte)'"')
        {
            if (!SkipQuoted(c))
            {
                return false;
            }

            token = new(c == '\'' ? TokenKind.Other : TokenKind.Word, start, position);
            return true;
        }

        position++;
        token = new(c switch { (byte)'(' or (byte)'[' => TokenKind.Open, (byte)')' or (byte)']' => TokenKind.Close, _ => TokenKind.Other }, start, position);
        return true;
    }

    private bool SkipTrivia()
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or (byte)'\v')
            {
                position++;
            }
            else if ((c == '-' && Peek(1) == '-') || c == '#')
            {
                var end = text[position..].IndexOf((byte)'\n');
                if (end < 0)
                {
                    return Exhausted();
                }

                position += end + 1;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = text[(position + 2)..].IndexOf("*/"u8);
                if (end < 0)
                {
                    return Exhausted();
                }

                position += end + 4;
            }
            else
            {
                return true;
            }
        }

        return Exhausted();
    }

    private bool SkipQuoted(byte quote)
    {
        position++;
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '\\')
            {
                position++;
            }
            else if (c == quote)
            {
                // A doubled quote is an escaped quote, not the end.
                if (position < text.Length && text[position] == quote)
                {
                    position++;
                    continue;
                }

                if (position == text.Length && !complete)
                {
                    break;
                }

                return true;
            }
        }

        return Exhausted();
    }

    private bool Exhausted()
    {
        NeedsMore = !complete;
        position = text.Length;
        return false;
    }

    private readonly int Peek(int offset) => position + offset < text.Length ? text[position + offset] : -1;

    private static bool IsWordStart(byte c) => c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or (byte)'_';

    private static bool IsWordPart(byte c) => IsWordStart(c) || c is >= (byte)'0' and <= (byte)'9';
}
