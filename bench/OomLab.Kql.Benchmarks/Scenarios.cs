namespace OomLab.Kql.Benchmarks;

/// <summary>Seed Query B: requests, 15-minute window, count/countif/percentile by 5-minute bin.</summary>
public class QueryB : QueryBenchmark
{
    protected override string Kql { get; } = SeedQueries.Kql("lab-query-B");

    protected override string Sql => SeedQueries.RequestsSql(Ticks(1, 30), Ticks(1, 45));

    protected override string DuckDbSql => SeedQueries.RequestsDuckDbSql(Ticks(1, 30), Ticks(1, 45));
}

/// <summary>Seed Query G: as B over the 40-minute incident window.</summary>
public class QueryG : QueryBenchmark
{
    protected override string Kql { get; } = SeedQueries.Kql("lab-query-G");

    protected override string Sql => SeedQueries.RequestsSql(Ticks(1, 45), Ticks(2, 25));

    protected override string DuckDbSql => SeedQueries.RequestsDuckDbSql(Ticks(1, 45), Ticks(2, 25));
}

/// <summary>Seed Query C: performanceCounters avg/max Private Bytes by 5-minute bin, baseline window.</summary>
public class QueryC : QueryBenchmark
{
    protected override string Kql { get; } = SeedQueries.Kql("lab-query-C");

    protected override string Sql => SeedQueries.CountersSql(Ticks(1, 30), Ticks(1, 45));

    protected override string DuckDbSql => SeedQueries.CountersSql(Ticks(1, 30), Ticks(1, 45), "//");
}

/// <summary>Seed Query I: as C over the incident window.</summary>
public class QueryI : QueryBenchmark
{
    protected override string Kql { get; } = SeedQueries.Kql("lab-query-I");

    protected override string Sql => SeedQueries.CountersSql(Ticks(1, 45), Ticks(2, 25));

    protected override string DuckDbSql => SeedQueries.CountersSql(Ticks(1, 45), Ticks(2, 25), "//");
}

/// <summary>Seed Query F: has_any over trace messages (SQL: LIKE, which is substring, not term, matching).</summary>
public class QueryF : QueryBenchmark
{
    protected override string Kql { get; } = SeedQueries.Kql("lab-query-F");

    protected override string Sql => SeedQueries.TracesSql(Ticks(1, 45), Ticks(2, 25));

    protected override string DuckDbSql => SeedQueries.TracesSql(Ticks(1, 45), Ticks(2, 25), "ILIKE");
}

/// <summary>Playbook H1: OOM traces leftouter-joined to request payload sizes, percentile by name.</summary>
public class H1Join : QueryBenchmark
{
    protected override string Kql { get; } = SeedQueries.Kql("playbook-H1");

    protected override string Sql => SeedQueries.H1Sql;

    protected override string DuckDbSql => SeedQueries.H1DuckDbSql;
}
