using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace OomLab.Playbook;

/// <summary>
/// Runs independent playbook queries on all cores and gives their results in the playbook's order. When some fail,
/// the first one's exception (in that order) is thrown as is, as if they had run one after the other.
/// </summary>
internal static class InOrder
{
    public static TResult[] Map<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> run, CancellationToken cancellationToken)
    {
        var results = new TResult[items.Count];
        var failures = new ExceptionDispatchInfo?[items.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };

        // One item at a time: the queries differ a hundredfold in cost, so fixed chunks would leave a core idle.
        Parallel.ForEach(Partitioner.Create(0, items.Count, 1), options, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                try
                {
                    results[i] = run(items[i]);
                }
                catch (Exception ex)
                {
                    failures[i] = ExceptionDispatchInfo.Capture(ex);
                }
            }
        });

        foreach (var failure in failures)
        {
            failure?.Throw();
        }

        return results;
    }
}
