using System.ComponentModel.DataAnnotations;
using System.Net;
using Icesco.Insights.EmbeddedClickHouse.Engine;
using Icesco.Insights.EmbeddedClickHouse.Engine.Log;
using Icesco.Insights.EmbeddedClickHouse.Http;
using Icesco.Insights.EmbeddedClickHouse.Library;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.EmbeddedClickHouse;

/// <summary>
/// The embedded ClickHouse endpoint hosted in the current process: the real engine (chDB) behind the
/// part of ClickHouse's HTTP interface that ClickHouse.Driver uses. One per process.
/// </summary>
public sealed class EmbeddedClickHouseServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly EngineHost host;
    private readonly EngineLogRelay relay;

    private EmbeddedClickHouseServer(WebApplication app, EngineHost host, EngineLogRelay relay, Uri endpoint, string? password)
    {
        this.app = app;
        this.host = host;
        this.relay = relay;
        Endpoint = endpoint;
        ConnectionString = $"Host={endpoint.Host};Port={endpoint.Port};Protocol=http;Username=default"
            + (string.IsNullOrEmpty(password) ? string.Empty : $";Password={password}");
    }

    /// <summary>Base address of the HTTP interface, e.g. <c>http://127.0.0.1:8123/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>A ClickHouse.Driver connection string for <see cref="Endpoint"/> (no database).</summary>
    public string ConnectionString { get; }

    /// <summary>The engine behind the endpoint, for measurements that bypass HTTP (the benchmark).</summary>
    internal EngineHost Host => host;

    /// <summary>The engine's version, as <c>SELECT version()</c> reports it.</summary>
    public string EngineVersion => host.Engine.Version;

    /// <summary>
    /// Obtains the engine library (downloading it once, with progress, if needed), boots the engine on
    /// <see cref="EmbeddedClickHouseOptions.DataPath"/> and starts serving HTTP.
    /// </summary>
    /// <exception cref="ValidationException">An option is out of range; the message names it.</exception>
    public static async Task<EmbeddedClickHouseServer> StartAsync(EmbeddedClickHouseOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        var library = await ChdbLibraryLocator.LocateAsync(options.LibraryPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        var log = EngineLog.Create(options.DataPath, options.LogLevel);
        var engine = ChdbEngine.Open(library, options.DataPath, log);
        EngineHost? host = null;
        EngineLogRelay? relay = null;
        try
        {
            host = new EngineHost(engine, new EngineConnectionPool(engine, options.PoolSize));
            var app = Build(options, host, log);
            relay = new EngineLogRelay(log, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(EngineLogCategory));
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new EmbeddedClickHouseServer(app, host, relay, new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal) + "/"), options.Password);
        }
        catch
        {
            relay?.Dispose();
            // Booted engines must be shut down before the process exits, or its destructor aborts.
            if (host is not null)
            {
                host.Dispose();
            }
            else
            {
                engine.Dispose();
            }

            throw;
        }
    }

    /// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        host.Dispose();

        // After the engine has shut down, so its last words are relayed too.
        relay.Dispose();
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The logger category of the engine's own messages.</summary>
    public const string EngineLogCategory = "ClickHouse.Engine";

    private static WebApplication Build(EmbeddedClickHouseOptions options, EngineHost host, EngineLog log)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // Everything comes from the options: an appsettings.json that happens to sit in the working
        // directory (a service's, say) must not add Kestrel endpoints or settings of its own.
        builder.Configuration.Sources.Clear();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // The engine's level is the operator's choice for its messages; the service's minimum must not cut it.
        builder.Logging.AddFilter(EngineLogCategory, log.MinimumLevel);
        builder.WebHost.UseKestrel(kestrel =>
        {
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            }
        });
        builder.Services.AddSingleton(host);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton<ClickHouseHttpHandler>();

        var app = builder.Build();
        app.MapMethods("/ping", [HttpMethods.Get, HttpMethods.Head], () => Results.Text("Ok.\n"));
        var handler = app.Services.GetRequiredService<ClickHouseHttpHandler>();
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Post], context =>
            context.Request.Query.Count == 0 && HttpMethods.IsGet(context.Request.Method)
                ? context.Response.WriteAsync("Ok.\n")
                : handler.HandleAsync(context));
        return app;
    }
}
