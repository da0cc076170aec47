using OomLab.Telemetry;

namespace OomLab.Tests.Telemetry;

public sealed class TelemetryRowMapperTests
{
    [Fact]
    public void Every_telemetry_item_type_has_a_table_and_a_value_per_column()
    {
        var itemTypes = typeof(TelemetryItem).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(TelemetryItem)) && !t.IsAbstract && !t.IsNested)
            .ToList();
        itemTypes.Count.ShouldBe(TelemetrySchema.Tables.Count);

        foreach (var type in itemTypes)
        {
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var arguments = constructor.GetParameters().Select(p => Default(p.ParameterType)).ToArray();
            var item = (TelemetryItem)constructor.Invoke(arguments);

            var (table, values) = TelemetryRowMapper.Map(item, new TelemetryIdentity("app", "instance"));

            values.Length.ShouldBe(table.Columns.Count, type.Name);
        }
    }

    [Theory]
    [InlineData("Trace", 0)]
    [InlineData("Information", 2)]
    [InlineData("Error", 4)]
    [InlineData("Critical", 5)]
    public void Function_app_log_levels_have_Log_Analytics_level_ids(string level, long id) =>
        TelemetryRowMapper.LevelId(level).ShouldBe(id);

    private static object? Default(Type type) =>
        type == typeof(string) ? string.Empty
        : type == typeof(DateTimeOffset) ? new DateTimeOffset(2026, 4, 5, 1, 30, 0, TimeSpan.Zero)
        : type.IsValueType ? Activator.CreateInstance(type)
        : null;
}
