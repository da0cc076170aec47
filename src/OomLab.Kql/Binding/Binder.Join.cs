using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

internal sealed partial class Binder
{
    private static readonly Dictionary<string, JoinKind> JoinKinds = new(StringComparer.Ordinal)
    {
        ["innerunique"] = JoinKind.InnerUnique,
        ["inner"] = JoinKind.Inner,
        ["leftouter"] = JoinKind.LeftOuter,
        ["rightouter"] = JoinKind.RightOuter,
        ["fullouter"] = JoinKind.FullOuter,
        ["leftanti"] = JoinKind.LeftAnti,
        ["anti"] = JoinKind.LeftAnti,
        ["leftantisemi"] = JoinKind.LeftAnti,
        ["rightanti"] = JoinKind.RightAnti,
        ["rightantisemi"] = JoinKind.RightAnti,
        ["leftsemi"] = JoinKind.LeftSemi,
        ["rightsemi"] = JoinKind.RightSemi,
    };

    /// <summary>
    /// <c>join</c>: left columns then right columns, a right column whose name is taken gets a numeric
    /// suffix (<c>operation_Id1</c>). <c>lookup</c> (leftouter or inner) drops the right key columns.
    /// </summary>
    private QueryPlan? BindJoin(QueryPlan left, JoinSyntax syntax)
    {
        var right = BindTabular(syntax.Right);
        if (right is null)
        {
            return null;
        }

        var kind = syntax.IsLookup ? JoinKind.LeftOuter : JoinKind.InnerUnique;
        if (syntax.Kind is not null)
        {
            if (!JoinKinds.TryGetValue(syntax.Kind, out kind) || (syntax.IsLookup && kind is not (JoinKind.LeftOuter or JoinKind.Inner)))
            {
                var valid = syntax.IsLookup ? ["leftouter", "inner"] : JoinKinds.Keys.ToArray();
                Report(syntax.KindSpan, Messages.InvalidArgument(syntax.IsLookup ? "lookup" : "join", $"unknown kind '{syntax.Kind}'; expected one of {string.Join(", ", valid)}"));
                return null;
            }
        }

        var leftKeys = new List<int>();
        var rightKeys = new List<int>();
        var failed = false;
        foreach (var condition in syntax.Conditions)
        {
            var l = left.Schema.IndexOf(condition.Left.Name);
            var r = right.Schema.IndexOf(condition.Right.Name);
            if (l < 0)
            {
                ReportUnknownName(condition.Left, left.Schema.Columns.Select(c => c.Name), table: false);
                failed = true;
            }

            if (r < 0)
            {
                ReportUnknownName(condition.Right, right.Schema.Columns.Select(c => c.Name), table: false);
                failed = true;
            }

            if (l >= 0 && r >= 0)
            {
                var lt = left.Schema.Columns[l].Type;
                var rt = right.Schema.Columns[r].Type;
                if (lt != rt && !(lt.IsInteger() && rt.IsInteger()))
                {
                    Report(condition.Left.Span.Cover(condition.Right.Span), Messages.TypeMismatch("join key equality", $"{lt.Name()} and {rt.Name()}"));
                    failed = true;
                }

                leftKeys.Add(l);
                rightKeys.Add(r);
            }
        }

        if (failed)
        {
            return null;
        }

        var leftOutput = kind is JoinKind.RightAnti or JoinKind.RightSemi ? [] : Enumerable.Range(0, left.Schema.Columns.Count).ToList();
        var rightOutput = kind is JoinKind.LeftAnti or JoinKind.LeftSemi
            ? []
            : Enumerable.Range(0, right.Schema.Columns.Count).Where(i => !syntax.IsLookup || !rightKeys.Contains(i)).ToList();
        var names = new List<string>();
        var columns = new List<(string, KqlType)>();
        foreach (var o in leftOutput)
        {
            names.Add(left.Schema.Columns[o].Name);
            columns.Add(left.Schema.Columns[o]);
        }

        foreach (var o in rightOutput)
        {
            var (name, type) = right.Schema.Columns[o];
            name = names.Contains(name) ? Unique(name, names) : name;
            names.Add(name);
            columns.Add((name, type));
        }

        return new JoinPlan(left, right, kind, leftKeys, rightKeys, leftOutput, rightOutput, new Schema(columns), syntax.Span);
    }
}
