using OomLab.Blobs;
using OomLab.Queue;

// Usage: <queue.db> committed-loop | mid-transaction
// Prints progress lines on stdout; the test kills this process with SIGKILL and reopens the queue.
var path = args[0];
using var queue = BlobQueue.Open(path);
var at = new DateTimeOffset(2026, 4, 5, 1, 30, 0, TimeSpan.Zero);

queue.EnqueueMany(Enumerable.Range(0, 100).Select(i => Candidate($"committed/{i:D4}.txt")));
var leased = queue.Lease(10, TimeSpan.FromMinutes(10));
Console.WriteLine($"LEASED {leased.Count}");

if (args[1] == "mid-transaction")
{
    queue.EnqueueMany(HangsMidTransaction());
}
else
{
    for (var batch = 0; ; batch++)
    {
        queue.EnqueueMany(Enumerable.Range(0, 50).Select(i => Candidate($"loop/{batch:D6}-{i:D2}.txt")));
        Console.WriteLine($"COMMITTED {batch}");
    }
}

return 0;

IEnumerable<BlobCandidate> HangsMidTransaction()
{
    for (var i = 0; i < 500; i++)
    {
        yield return Candidate($"uncommitted/{i:D4}.txt");
    }

    Console.WriteLine("IN-TRANSACTION");
    Console.Out.Flush();
    new ManualResetEventSlim().Wait();
}

BlobCandidate Candidate(string name) => new(BlobName.Create(name), new BlobVersion(4096, 1), at);
