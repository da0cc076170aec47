namespace OomLab.Kql.Tests.Support;

/// <summary>The Application Insights and Log Analytics table shapes oomlab stores.</summary>
internal static class TelemetrySchemas
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["requests"] = "timestamp:datetime,id:string,name:string,url:string,success:bool,resultCode:string,duration:timespan,itemType:string,customDimensions:dynamic,operation_Name:string,operation_Id:string,operation_ParentId:string,cloud_RoleName:string,cloud_RoleInstance:string,appName:string,itemCount:long",
        ["dependencies"] = "timestamp:datetime,id:string,target:string,type:string,name:string,data:string,success:bool,resultCode:string,duration:timespan,itemType:string,customDimensions:dynamic,operation_Name:string,operation_Id:string,operation_ParentId:string,cloud_RoleName:string,cloud_RoleInstance:string,appName:string,itemCount:long",
        ["traces"] = "timestamp:datetime,message:string,severityLevel:long,itemType:string,customDimensions:dynamic,operation_Name:string,operation_Id:string,operation_ParentId:string,cloud_RoleName:string,cloud_RoleInstance:string,appName:string,itemCount:long",
        ["exceptions"] = "timestamp:datetime,problemId:string,type:string,message:string,outerType:string,outerMessage:string,innermostType:string,innermostMessage:string,severityLevel:long,details:string,itemType:string,customDimensions:dynamic,operation_Name:string,operation_Id:string,cloud_RoleName:string,cloud_RoleInstance:string,appName:string,itemCount:long",
        ["performanceCounters"] = "timestamp:datetime,name:string,category:string,counter:string,instance:string,value:real,customDimensions:dynamic,cloud_RoleName:string,cloud_RoleInstance:string,appName:string,itemCount:long",
        ["customMetrics"] = "timestamp:datetime,name:string,value:real,valueCount:long,valueSum:real,valueMin:real,valueMax:real,customDimensions:dynamic,operation_Name:string,operation_Id:string,cloud_RoleName:string,cloud_RoleInstance:string,appName:string,itemCount:long",
        ["FunctionAppLogs"] = "TimeGenerated:datetime,AppName:string,FunctionName:string,Level:string,LevelId:long,Message:string,Category:string,HostInstanceId:string,FunctionInvocationId:string,ExceptionType:string,ExceptionMessage:string,ExceptionDetails:string,ProcessId:long,RoleInstance:string",
        ["AppMetrics"] = "TimeGenerated:datetime,Name:string,Value:real,Sum:real,Min:real,Max:real,ItemCount:long,Properties:dynamic,AppRoleName:string,AppRoleInstance:string,cloud_RoleName:string,cloud_RoleInstance:string",
    };

    /// <summary>
    /// A table of <paramref name="name"/>'s full shape from CSV holding some of its columns (typed header
    /// <c>col:type</c>); the other columns are filled with empty strings, zeros or nulls.
    /// </summary>
    public static KqlTable FromCsv(string name, string csv)
    {
        var given = KqlTableLoader.ParseCsv(csv.Trim() + "\n", name);
        var header = string.Join(",", All[name].Split(','));
        var lines = new List<string> { header };
        for (var r = 0; r < given.RowCount; r++)
        {
            var fields = All[name].Split(',').Select(spec =>
            {
                var column = given.Column(spec[..spec.IndexOf(':')]);
                if (column is not null)
                {
                    return Csv(column.IsNull(r) ? string.Empty : column.GetText(r));
                }

                return spec.EndsWith(":long", StringComparison.Ordinal) ? "1" : string.Empty;
            });
            lines.Add(string.Join(",", fields));
        }

        return KqlTableLoader.ParseCsv(string.Join("\n", lines) + "\n", name);
    }

    private static string Csv(string value) => value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
