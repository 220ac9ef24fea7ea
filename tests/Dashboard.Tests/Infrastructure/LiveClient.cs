using System.Collections.Concurrent;
using Icesco.Insights.Dashboard.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Icesco.Insights.Dashboard.Tests.Infrastructure;

/// <summary>A real SignalR .NET client on the hub (WebSockets through the test server), recording what it receives.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<LiveState>(nameof(IEngagementClient.Snapshot), s => Snapshots.Enqueue(s));
        connection.On<LiveState>(nameof(IEngagementClient.Update), s => Updates.Enqueue(s));
        connection.On<List<LiveRating>>(nameof(IEngagementClient.Ratings), r => Ratings.Enqueue(r));
    }

    public HubConnection Connection { get; }

    public ConcurrentQueue<LiveState> Snapshots { get; } = new();

    public ConcurrentQueue<LiveState> Updates { get; } = new();

    public ConcurrentQueue<List<LiveRating>> Ratings { get; } = new();

    /// <summary>Every state received, snapshots and updates, in no particular order between the two.</summary>
    public IEnumerable<LiveState> States => Snapshots.Concat(Updates);

    public static LiveClient Create(DashboardApp app, string? cookie)
    {
        var server = app.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, EngagementHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.Transports = HttpTransportType.WebSockets;
                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request =>
                    {
                        if (cookie is not null)
                        {
                            request.Headers.Cookie = cookie;
                        }
                    };
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
        return new LiveClient(connection);
    }

    public async Task StartAsync(string filter)
    {
        await Connection.StartAsync();
        await Connection.InvokeAsync(nameof(EngagementHub.Subscribe), filter);
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
