namespace Icesco.Insights.Launcher.Tests;

/// <summary>Each run starts five processes; runs one at a time so a small machine keeps them within their deadlines.</summary>
[CollectionDefinition(Name)]
public sealed class LauncherCollection
{
    public const string Name = "launcher";
}
