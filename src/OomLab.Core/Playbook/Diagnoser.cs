using OomLab.Kql;
using OomLab.Telemetry;

namespace OomLab.Playbook;

/// <summary>
/// Walks a playbook over telemetry: measures the signals, follows the decision flow, grades severity,
/// judges and ranks the hypotheses with their evidence, and picks the misreadings and mitigations that apply.
/// Every rule is a KQL expression evaluated by the KQL engine with the signals in scope as <c>let</c>s.
/// </summary>
internal static partial class Diagnoser
{
    // Below this many rows, or from a columnar copy, reading each column when a query first needs it costs less than finding the columns first.
    private const long PrefetchFromRows = 100_000;

    /// <summary>
    /// What <see cref="Run"/> would learn first about <paramref name="tables"/> (rows per table, the time they span), found now
    /// so that it can be found while the playbook loads; null when <see cref="Run"/> must read the playbook's columns first.
    /// </summary>
    public static TelemetrySurvey? SurveyAhead(ITableSource tables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var survey = ReadsAhead(tables) ? null : Survey(tables, cancellationToken);
        DiagnoseTimings.Mark("survey, ahead");
        return survey;
    }

    /// <summary>
    /// Diagnoses the telemetry in <paramref name="tables"/> (a store's tables, or any source with the Application Insights
    /// table names); <paramref name="survey"/> is <see cref="SurveyAhead"/>'s, when there is one.
    /// </summary>
    public static Diagnosis Run(ITableSource tables, DiagnosisOptions options, TelemetrySurvey? survey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        var playbook = options.Playbook;
        var source = playbook.Source;
        if (survey is null && ReadsAhead(tables) && tables is TelemetryTableSource store)
        {
            var columns = ColumnsRead(playbook, cancellationToken);
            DiagnoseTimings.Mark("columns the playbook reads, found");
            store.Prefetch(columns, cancellationToken);
            DiagnoseTimings.Mark("columns read, one pass per table");
        }

        var (rowCounts, start, end) = survey ?? Survey(tables, cancellationToken);
        DiagnoseTimings.Mark("survey");
        var now = options.Now ?? end ?? TimeProvider.System.GetUtcNow();
        var kql = new KqlOptions(timeProvider: new FixedTimeProvider(now), shareLetResults: true);

        var inputs = new RuleScope()
            .Set(RuleNames.CeilingBytes, options.CeilingBytes)
            .Set(RuleNames.ConfiguredConcurrency, options.ConfiguredConcurrency is { } c ? c : TypedNull.Long)
            .Set(RuleNames.TelemetryStart, start is { } s ? s : TypedNull.DateTime)
            .Set(RuleNames.TelemetryEnd, end is { } e ? e : TypedNull.DateTime);
        var queryPreamble = inputs.Preamble(playbook.Prelude);

        // The hypotheses' queries need only the telemetry, like the signals: all run at once keeps both cores busy to the
        // end instead of idling one at the end of each step. A failure still surfaces at its own step, in playbook order.
        // The prelude's tables come first, each on its own: a query that needs one another core is making waits for it.
        var queries = Warmups(playbook.Prelude)
            .Concat(playbook.Signals.Select(s => (Name: $"signal {s.Name}", s.Query)))
            .Concat(playbook.Hypotheses.Select(h => (Name: $"hypothesis {h.Id}'s query", h.Query)))
            .ToList();
        var warmups = queries.Count - playbook.Signals.Count - playbook.Hypotheses.Count;
        var outcomes = InOrder.Map(queries, query =>
        {
            var started = DiagnoseTimings.Start();
            var outcome = QueryOutcome.Of(() => PlaybookQuery.Run(queryPreamble, query.Query, source, tables, kql, cancellationToken));
            DiagnoseTimings.Took(query.Name, started);
            return outcome;
        }, cancellationToken)[warmups..];
        var signals = playbook.Signals.Select((signal, i) =>
        {
            var table = outcomes[i].Result.Table;
            var value = table.RowCount == 0 || table.Columns.Count == 0 ? null : table.Columns[0].GetValue(0);
            return new SignalValue(signal.Name, signal.Description, value);
        }).ToList();
        var scope = inputs.Copy();
        foreach (var signal in signals)
        {
            scope.Set(signal.Name, signal.Value ?? TypedNull.Real);
        }

        DiagnoseTimings.Mark("signals and the hypotheses' queries");

        var rules = new RuleRunner(scope.Preamble(), source, kql, cancellationToken);
        var (path, memoryIsCause) = Walk(playbook, rules);
        var severity = memoryIsCause ? Grade(playbook, rules) : null;
        DiagnoseTimings.Mark("decision flow and severity");
        var hypotheses = InOrder.Map(
                [.. playbook.Hypotheses.Select((h, i) => (Hypothesis: h, Query: outcomes[playbook.Signals.Count + i]))],
                h => Judge(h.Hypothesis, h.Query, rules, rowCounts, options),
                cancellationToken)
            .OrderBy(h => h.Status)
            .ThenByDescending(h => h.Score)
            .ToList();
        DiagnoseTimings.Mark("hypotheses");

        double? Signal(string name) => PlaybookQuery.Number(signals.FirstOrDefault(v => v.Name == name)?.Value);
        var plan = MitigationCalculator.Compute(
            options.CeilingBytes, options.Ceiling, Signal, options.ConfiguredConcurrency,
            scaleNeeded: hypotheses.Any(h => h.Definition.Id == "H6" && h.Status == HypothesisStatus.Supported));

        var outcome = scope.Copy()
            .Set(RuleNames.MemoryIsCause, memoryIsCause)
            .Set(RuleNames.SafeConcurrency, plan.SafeConcurrency is { } safe ? (long)safe : TypedNull.Long)
            .Set(RuleNames.PerInvocationBytes, plan.PerInvocationBytes is { } per ? per : TypedNull.Long)
            .Set(RuleNames.PayloadGuardBytes, plan.PayloadGuardBytes is { } guard ? guard : TypedNull.Long);
        foreach (var hypothesis in hypotheses)
        {
            outcome.Set(hypothesis.Definition.Id, HypothesisStatusText.Of(hypothesis.Status));
        }

        var after = new RuleRunner(outcome.Preamble(), source, kql, cancellationToken);
        var misreadings = playbook.Misreadings.Where(m => after.Holds(m.When)).Select(m => new MisreadingFinding(m)).ToList();
        var mitigations = playbook.Mitigations.Where(m => after.Holds(m.When)).Select(m => new MitigationFinding(m.Id, m.Title, Fill(m.Text, plan))).ToList();

        DiagnoseTimings.Mark("misreadings and mitigations");
        return new Diagnosis(
            playbook.Name, source, options.CeilingBytes, options.Ceiling, start, end, now, signals, path, memoryIsCause, severity,
            hypotheses, misreadings, mitigations, plan);
    }

    /// <summary>
    /// A query per <c>let</c> of the prelude that makes its table (<c>name | count</c>), shared with the queries that use it.
    /// A scalar <c>let</c>'s query fails to bind and costs nothing; a failing table is reported by the queries that use it.
    /// </summary>
    private static IEnumerable<(string Name, PlaybookText Query)> Warmups(string prelude) =>
        KqlEngine.LetNames(prelude).Select(name => ($"prelude {name}", new PlaybookText($"{name} | count", "prelude", 1, 1)));

    /// <summary>The columns the playbook's queries read, found by running them over tables with no rows.</summary>
    private static IReadOnlyCollection<(string Table, string Column)> ColumnsRead(PlaybookDefinition playbook, CancellationToken cancellationToken)
    {
        var recorder = new ColumnRecorder();
        Survey(recorder, cancellationToken);
        var queryPreamble = RuleNames.InputPlaceholders().Preamble(playbook.Prelude);
        var kql = new KqlOptions(timeProvider: new FixedTimeProvider(DateTimeOffset.UnixEpoch), shareLetResults: true);
        foreach (var query in playbook.Signals.Select(s => s.Query).Concat(playbook.Hypotheses.Select(h => h.Query)))
        {
            KqlEngine.Execute(queryPreamble + query.Value, recorder, kql, cancellationToken);
        }

        return recorder.Read;
    }

    // A large store without a columnar copy is read a pass per table for all the columns the playbook needs, before any query.
    private static bool ReadsAhead(ITableSource tables) => tables is TelemetryTableSource { RowCount: >= PrefetchFromRows, HasColumnarCopy: false };

    private static TelemetrySurvey Survey(ITableSource tables, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        DateTimeOffset? start = null, end = null;
        foreach (var schema in TelemetrySchema.Known)
        {
            // In a store a classic table and its workspace twin show the same rows (TelemetryViews): the twin's count is this one's.
            if (tables is TelemetryTableSource && TelemetryAliases.PairOf(schema.Name) is { } pair && rows.TryGetValue(pair.Other(schema.Name), out var twin))
            {
                rows[schema.Name] = twin;
                continue;
            }

            if (!tables.TryGetTable(schema.Name, out _))
            {
                rows[schema.Name] = 0;
                continue;
            }

            var time = schema.Columns.Any(c => c.Name == "timestamp") ? "timestamp" : "TimeGenerated";
            var result = KqlEngine.Execute($"['{schema.Name}'] | summarize n = count(), lo = min({time}), hi = max({time})", tables, null, cancellationToken);
            if (!result.Succeeded || result.Table.RowCount == 0)
            {
                rows[schema.Name] = 0;
                continue;
            }

            var table = result.Table;
            rows[schema.Name] = Convert.ToInt64(table.Columns[0].GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            if (table.Columns[1].GetValue(0) is DateTime lo)
            {
                start = Min(start, new DateTimeOffset(lo, TimeSpan.Zero));
            }

            if (table.Columns[2].GetValue(0) is DateTime hi)
            {
                end = Max(end, new DateTimeOffset(hi, TimeSpan.Zero));
            }
        }

        return new TelemetrySurvey(rows, start, end);
    }

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private static string Fill(string text, MitigationPlan plan) => text
        .Replace("{safeConcurrency}", plan.SafeConcurrency?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", StringComparison.Ordinal)
        .Replace("{batchSize}", plan.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{newBatchThreshold}", plan.NewBatchThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{perInvocation}", plan.PerInvocationBytes is { } p ? MitigationCalculator.Mib(p) : "unknown", StringComparison.Ordinal)
        .Replace("{payloadGuardBytes}", plan.PayloadGuardBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", StringComparison.Ordinal)
        .Replace("{payloadGuard}", plan.PayloadGuardBytes is { } g ? MitigationCalculator.Mib(g) : "unknown", StringComparison.Ordinal)
        .Replace("{scalePlan}", plan.ScalePlan, StringComparison.Ordinal)
        .Replace("{ceiling}", plan.Ceiling, StringComparison.Ordinal);
}
