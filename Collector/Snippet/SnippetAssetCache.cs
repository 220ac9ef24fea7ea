using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Snippet;

/// <summary>Holds the built <see cref="SnippetAsset"/> and rebuilds it when the settings change.</summary>
internal sealed class SnippetAssetCache
{
    private readonly IOptionsMonitor<SnippetOptions> options;
    private (SnippetOptions Options, SnippetAsset Asset)? built;

    public SnippetAssetCache(IOptionsMonitor<SnippetOptions> options) => this.options = options;

    public SnippetAsset Current
    {
        get
        {
            var current = options.CurrentValue;
            var last = built;
            if (last is { } hit && ReferenceEquals(hit.Options, current))
            {
                return hit.Asset;
            }

            // A race here builds the same bytes twice; either copy is right.
            var asset = SnippetAsset.Build(current);
            built = (current, asset);
            return asset;
        }
    }
}
