using System.Reflection;

namespace Icesco.Insights.Launcher;

/// <summary>Where each service's build output (and web root) is, as recorded at build time (see the project file).</summary>
internal static class ServiceAssemblies
{
    public static string Of(string service) => Metadata("ServiceAssembly:" + service);

    public static string WebRootOf(string service) => Metadata("ServiceWebRoot:" + service);

    private static string Metadata(string key)
        => typeof(ServiceAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException($"The launcher was built without {key}.");
}
