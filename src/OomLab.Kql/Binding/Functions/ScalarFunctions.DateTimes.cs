using System.Globalization;
using System.Text;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

internal static partial class ScalarFunctions
{
    private static void AddDateTimes(List<ScalarFunction> all)
    {
        all.Add(new("now", 0, 1, Returns(KqlType.DateTime), (a, c) => KqlValue.FromLong(c.NowTicks + (a.Length > 0 ? a[0].Long : 0), KqlType.DateTime)));
        all.Add(new("ago", 1, 1, Returns(KqlType.DateTime, t => t[0] == KqlType.TimeSpan), (a, c) => a[0].IsNull ? KqlValue.Null(KqlType.DateTime) : KqlValue.FromLong(c.NowTicks - a[0].Long, KqlType.DateTime)));
        all.Add(new("startofday", 1, 2, Returns(KqlType.DateTime, IsDateTime), (a, _) => { var o = Offset(a); return Date(a[0], t => t.Date.AddDays(o)); }));
        all.Add(new("startofhour", 1, 1, Returns(KqlType.DateTime, IsDateTime), (a, _) => Date(a[0], t => new DateTime(t.Ticks - (t.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc))));
        all.Add(new("startofweek", 1, 2, Returns(KqlType.DateTime, IsDateTime), (a, _) => { var o = Offset(a); return Date(a[0], t => t.Date.AddDays(-(int)t.DayOfWeek).AddDays(7 * o)); }));
        all.Add(new("startofmonth", 1, 2, Returns(KqlType.DateTime, IsDateTime), (a, _) => { var o = Offset(a); return Date(a[0], t => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths((int)o)); }));
        all.Add(new("startofyear", 1, 2, Returns(KqlType.DateTime, IsDateTime), (a, _) => { var o = Offset(a); return Date(a[0], t => new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddYears((int)o)); }));
        all.Add(new("endofday", 1, 2, Returns(KqlType.DateTime, IsDateTime), (a, _) => { var o = Offset(a); return Date(a[0], t => t.Date.AddDays(1 + o).AddTicks(-1)); }));
        all.Add(new("datetime_part", 2, 2, Returns(KqlType.Long, t => t[1] == KqlType.DateTime), (a, _) => DatePart(a[0].ToText(), a[1])));
        all.Add(new("datetime_add", 3, 3, Returns(KqlType.DateTime, t => t[2] == KqlType.DateTime), (a, _) => DateAdd(a[0].ToText(), a[1].Long, a[2])));
        all.Add(new("format_datetime", 2, 2, Returns(KqlType.String, t => t[0] == KqlType.DateTime), (a, _) => a[0].IsNull ? KqlValue.FromString(string.Empty) : KqlValue.FromString(FormatDateTime(new DateTime(a[0].Long, DateTimeKind.Utc), a[1].ToText()))));
        all.Add(new("dayofweek", 1, 1, Returns(KqlType.TimeSpan, IsDateTime), (a, _) => a[0].IsNull ? KqlValue.Null(KqlType.TimeSpan) : KqlValue.FromLong((long)new DateTime(a[0].Long).DayOfWeek * TimeSpan.TicksPerDay, KqlType.TimeSpan)));
        all.Add(new("hourofday", 1, 1, Returns(KqlType.Int, IsDateTime), (a, _) => a[0].IsNull ? KqlValue.Null(KqlType.Int) : KqlValue.FromLong(new DateTime(a[0].Long).Hour, KqlType.Int)));
        all.Add(new("getyear", 1, 1, Returns(KqlType.Int, IsDateTime), (a, _) => a[0].IsNull ? KqlValue.Null(KqlType.Int) : KqlValue.FromLong(new DateTime(a[0].Long).Year, KqlType.Int)));
        all.Add(new("getmonth", 1, 1, Returns(KqlType.Int, IsDateTime), (a, _) => a[0].IsNull ? KqlValue.Null(KqlType.Int) : KqlValue.FromLong(new DateTime(a[0].Long).Month, KqlType.Int)));
        all.Add(new("unixtime_seconds_todatetime", 1, 1, Returns(KqlType.DateTime), (a, _) => a[0].AsReal() is { } s ? KqlValue.FromLong(DateTime.UnixEpoch.Ticks + (long)(s * TimeSpan.TicksPerSecond), KqlType.DateTime) : KqlValue.Null(KqlType.DateTime)));
    }

    private static bool IsDateTime(KqlType[] t) => t[0] is KqlType.DateTime or KqlType.Dynamic;

    private static long Offset(ReadOnlySpan<KqlValue> a) => a.Length > 1 && !a[1].IsNull ? a[1].Long : 0;

    private static KqlValue Date(in KqlValue value, Func<DateTime, DateTime> map)
    {
        if (value.IsNull)
        {
            return KqlValue.Null(KqlType.DateTime);
        }

        return KqlValue.FromLong(map(new DateTime(value.Long, DateTimeKind.Utc)).Ticks, KqlType.DateTime);
    }

    private static KqlValue DatePart(string part, in KqlValue value)
    {
        if (value.IsNull)
        {
            return KqlValue.Null(KqlType.Long);
        }

        var t = new DateTime(value.Long, DateTimeKind.Utc);
        long? result = part.ToLowerInvariant() switch
        {
            "year" => t.Year,
            "quarter" => ((t.Month - 1) / 3) + 1,
            "month" => t.Month,
            "week_of_year" => ISOWeek.GetWeekOfYear(t),
            "day" => t.Day,
            "dayofyear" => t.DayOfYear,
            "hour" => t.Hour,
            "minute" => t.Minute,
            "second" => t.Second,
            "millisecond" => t.Millisecond,
            "microsecond" => (t.Ticks % TimeSpan.TicksPerSecond) / 10,
            "nanosecond" => (t.Ticks % TimeSpan.TicksPerSecond) * 100,
            _ => null,
        };
        return result is null ? throw new ArgumentException($"unknown datetime part '{part}'") : KqlValue.FromLong(result.Value);
    }

    private static KqlValue DateAdd(string part, long amount, in KqlValue value)
    {
        if (value.IsNull)
        {
            return KqlValue.Null(KqlType.DateTime);
        }

        var t = new DateTime(value.Long, DateTimeKind.Utc);
        var result = part.ToLowerInvariant() switch
        {
            "year" => t.AddYears((int)amount),
            "quarter" => t.AddMonths((int)amount * 3),
            "month" => t.AddMonths((int)amount),
            "week" => t.AddDays(amount * 7),
            "day" => t.AddDays(amount),
            "hour" => t.AddHours(amount),
            "minute" => t.AddMinutes(amount),
            "second" => t.AddSeconds(amount),
            "millisecond" => t.AddMilliseconds(amount),
            _ => throw new ArgumentException($"unknown datetime part '{part}'"),
        };
        return KqlValue.FromLong(result.Ticks, KqlType.DateTime);
    }

    /// <summary>KQL's format specifiers (yyyy, MM, dd, HH, hh, mm, ss, f..., tt) map onto .NET's; other characters are copied.</summary>
    private static string FormatDateTime(DateTime value, string format)
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c)
            {
                run++;
            }

            if ("yMdHhmsftF".Contains(c, StringComparison.Ordinal))
            {
                builder.Append(value.ToString(run == 1 ? "%" + c : new string(c, run), CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c, run);
            }

            i += run;
        }

        return builder.ToString();
    }
}
