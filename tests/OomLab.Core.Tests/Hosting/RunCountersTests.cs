using OomLab.Hosting;

namespace OomLab.Tests.Hosting;

public sealed class RunCountersTests
{
    [Fact]
    public void Peak_of_readings_racing_on_several_threads_is_the_true_maximum()
    {
        // Given four threads that report instance readings drawn from one rising sequence, so that every reading is a
        // new high when drawn and the threads write their highs at the same time; over many fresh counter sets (a lost
        // update shows at the end of a round, when no higher reading follows to hide it).
        const int Threads = 4;
        const int Rounds = 1500;
        const int PerRound = 50_000;
        var lost = new List<string>();
        RunCounters? counters = null;
        long next = 0;
        using var barrier = new Barrier(Threads, _ =>
        {
            var expected = Interlocked.Read(ref next);
            if (counters is not null && (counters.PeakPrivateBytes != expected || counters.Peaks[0] != expected))
            {
                lost.Add($"peak {counters.PeakPrivateBytes} (segment {counters.Peaks[0]}), expected {expected}");
            }

            counters = new RunCounters();
            Interlocked.Exchange(ref next, 0);
        });

        // When they all report at once, round after round.
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                barrier.SignalAndWait();
                var target = counters!;
                long value;
                while ((value = Interlocked.Increment(ref next)) <= PerRound)
                {
                    target.AddPrivateBytes(value);
                }

                Interlocked.Decrement(ref next);
            }

            barrier.SignalAndWait();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // Then no round lost its highest reading.
        lost.ShouldBeEmpty();
    }
}
