using OomLab.Telemetry;
using OomLab.Tests.Support;

namespace OomLab.Tests.Telemetry;

[Collection(SelfLogCollection.Name)]
public sealed class SafeFanOutSinkTests
{
    [Fact]
    public void A_throwing_sink_neither_reaches_the_caller_nor_stops_the_other_sinks()
    {
        var throwing = new ThrowingSink();
        var collecting = new CollectingSink();
        var messages = new List<string>();
        SelfLog.Enable(messages.Add);
        try
        {
            var sink = new SafeFanOutSink(throwing, collecting);

            Should.NotThrow(() =>
            {
                sink.Emit(Some.Trace("one"));
                sink.Emit(Some.Trace("two"));
            });

            throwing.Calls.ShouldBe(2);
            collecting.Items.Count.ShouldBe(2);
        }
        finally
        {
            SelfLog.Enable(null);
        }

        messages.ShouldContain(m => m.Contains("exporter is down", StringComparison.Ordinal));
    }
}
