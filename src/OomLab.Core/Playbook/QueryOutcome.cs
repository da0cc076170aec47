using System.Runtime.ExceptionServices;
using OomLab.Kql;

namespace OomLab.Playbook;

/// <summary>
/// A playbook query run ahead of its use: its result, or the exception it threw, thrown as is where the result is
/// used, so a failure surfaces at the same step as when the query ran there.
/// </summary>
internal sealed class QueryOutcome
{
    private readonly KqlResult? result;
    private readonly ExceptionDispatchInfo? failure;

    private QueryOutcome(KqlResult? result, ExceptionDispatchInfo? failure)
    {
        this.result = result;
        this.failure = failure;
    }

    /// <summary>The query's result; throws what the query threw.</summary>
    public KqlResult Result
    {
        get
        {
            failure?.Throw();
            return result!;
        }
    }

    public static QueryOutcome Of(Func<KqlResult> run)
    {
        try
        {
            return new QueryOutcome(run(), null);
        }
        catch (Exception ex)
        {
            return new QueryOutcome(null, ExceptionDispatchInfo.Capture(ex));
        }
    }
}
