using System.Reflection;

namespace Icesco.Insights.Launcher;

/// <summary>Where each service's build output is, as recorded at build time (see the project file).</summary>
internal static class ServiceAssemblies
{
    public static string Of(string service)
        => typeof(ServiceAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ServiceAssembly:" + service)?.Value
            ?? throw new InvalidOperationException($"The launcher was built without the {service} service.");
}
