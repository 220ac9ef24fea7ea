using Icesco.Insights.EmbeddedClickHouse.Engine.Log;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Unit;

public sealed class EngineLogLineFacts
{
    private const string Stamp = "2026.12.06 04:19:33.367512 [ 15916 ] ";

    [Theory]
    [InlineData("Fatal", LogLevel.Critical)]
    [InlineData("Critical", LogLevel.Critical)]
    [InlineData("Error", LogLevel.Error)]
    [InlineData("Warning", LogLevel.Warning)]
    [InlineData("Notice", LogLevel.Information)]
    [InlineData("Information", LogLevel.Information)]
    [InlineData("Debug", LogLevel.Debug)]
    [InlineData("Trace", LogLevel.Trace)]
    [InlineData("Test", LogLevel.Trace)]
    public void Each_engine_level_is_relayed_at_the_matching_logger_level(string engineLevel, LogLevel expected)
    {
        var line = EngineLogLine.Parse($"{Stamp}{{}} <{engineLevel}> MergeTreeBackgroundExecutor: something happened", previous: null);

        Assert.Equal(expected, line.Level);
    }

    [Fact]
    public void The_source_query_id_and_text_are_read_from_the_header()
    {
        var line = EngineLogLine.Parse(
            $"{Stamp}{{3d77f44f-aca1}} <Error> executeQuery: Code: 241. DB::Exception: Query memory limit exceeded: would use 12.56 MiB", previous: null);

        Assert.Equal(new EngineLogLine(LogLevel.Error, "executeQuery", "3d77f44f-aca1", "Code: 241. DB::Exception: Query memory limit exceeded: would use 12.56 MiB"), line);
    }

    [Fact]
    public void A_line_without_a_header_continues_the_previous_message_at_its_level()
    {
        var error = EngineLogLine.Parse($"{Stamp}{{}} <Error> MergeTreeData: Part is broken, stack trace:", previous: null);

        var frame = EngineLogLine.Parse("0. ? @ 0x000000001c8fa4b3", error);

        Assert.Equal(new EngineLogLine(LogLevel.Error, "MergeTreeData", string.Empty, "0. ? @ 0x000000001c8fa4b3"), frame);
    }

    [Fact]
    public void The_thread_status_report_of_every_streamed_insert_is_bookkeeping_at_debug_not_fatal()
    {
        var line = EngineLogLine.Parse($"{Stamp}{{}} <Fatal> ThreadStatus: current_thread contains invalid address", previous: null);

        Assert.Equal(LogLevel.Debug, line.Level);
    }

    [Fact]
    public void Any_other_fatal_line_stays_critical()
    {
        var line = EngineLogLine.Parse($"{Stamp}{{}} <Fatal> BaseDaemon: ########## Received signal 11", previous: null);

        Assert.Equal(LogLevel.Critical, line.Level);
    }
}
