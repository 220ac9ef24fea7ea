namespace Icesco.Insights.Jobs.Reports.Pdf;

/// <summary>A block's height and whether it must share a page with the block after it (a heading with its chart).</summary>
public readonly record struct BlockSize(float Height, bool KeepWithNext = false);

/// <summary>Puts blocks on pages top to bottom: a block that does not fit starts a new page, taking its heading along.</summary>
public static class PageLayout
{
    /// <summary>The page (0-based) of each block, for pages with <paramref name="pageHeight"/> of room.</summary>
    public static IReadOnlyList<int> Paginate(IReadOnlyList<BlockSize> blocks, float pageHeight)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var pages = new int[blocks.Count];
        var page = 0;
        var used = 0f;
        for (var i = 0; i < blocks.Count; i++)
        {
            // A kept-together group (heading + what follows) moves as one when the whole group does not fit.
            var group = blocks[i].Height;
            for (var j = i; blocks[j].KeepWithNext && j + 1 < blocks.Count; j++)
            {
                group += blocks[j + 1].Height;
            }
            if (used > 0 && used + group > pageHeight)
            {
                page++;
                used = 0;
            }
            pages[i] = page;
            used += blocks[i].Height;
        }
        return pages;
    }
}
