using Microsoft.Extensions.Time.Testing;

namespace OomLab.Kql.Tests.Support;

/// <summary>
/// Small telemetry tables around the seed's timeline (T0 = 2026-04-05 01:30Z), built so that each seed
/// query's answer can be worked out by hand. "Now" for ago() is 2026-04-05 04:30Z.
/// </summary>
internal static class LabFixture
{
    public const string App = "func-oom-lab-001";

    public static readonly DateTimeOffset Now = new(2026, 4, 5, 4, 30, 0, TimeSpan.Zero);

    public static KqlOptions Options => new(timeProvider: new FakeTimeProvider(Now));

    public static InMemoryTableSource Tables() => new(Traces(), Requests(), PerformanceCounters(), FunctionAppLogs(), Dependencies(), AppMetrics());

    public static KqlTable Traces() => TelemetrySchemas.FromCsv("traces", """
        timestamp:datetime,message:string,severityLevel:long,operation_Id:string,cloud_RoleName:string,cloud_RoleInstance:string
        2026-04-05T01:30:05Z,Starting Host,1,,func-oom-lab-001,RD1
        2026-04-05T01:30:06Z,Host started (412ms),1,,func-oom-lab-001,RD1
        2026-04-05T01:30:07Z,Worker process started,1,,func-oom-lab-001,RD1
        2026-04-05T01:31:00Z,Host heartbeat,0,,func-oom-lab-001,RD1
        2026-04-05T01:37:00Z,MyHost started,1,,func-oom-lab-001,RD1
        2026-04-05T01:40:00Z,Worker process started,1,,other-app,RD9
        2026-04-05T02:16:41.512Z,Worker process exited with code 137,3,op-1,func-oom-lab-001,RD1
        2026-04-05T02:16:45.994Z,Restarting worker process after unexpected exit,2,,func-oom-lab-001,RD1
        2026-04-05T02:16:49.144Z,Worker process started,1,,func-oom-lab-001,RD1
        2026-04-05T02:22:07.523Z,Worker process exited with code 137,3,op-2,func-oom-lab-001,RD1
        2026-04-05T02:22:12.016Z,Restarting worker process after unexpected exit,2,,func-oom-lab-001,RD1
        2026-04-05T02:22:15.145Z,Worker process started,1,,func-oom-lab-001,RD1
        2026-04-05T02:25:33.044Z,Host started (412ms),1,,func-oom-lab-001,RD1
        2026-04-05T02:26:00Z,Worker process exited with code 0,1,,other-app,RD9
        2026-04-05T03:10:11.220Z,System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.,3,op-3,func-oom-lab-001,RD1
        2026-04-05T03:10:11.907Z,Worker process terminated due to memory pressure,3,op-3,func-oom-lab-001,RD1
        2026-04-05T03:28:02.114Z,Worker process terminated due to memory pressure,3,op-4,func-oom-lab-001,RD1
        2026-04-05T03:40:00Z,DbContext retained across invocations; memory pressure rising,2,op-7,func-oom-lab-001,RD1
        2026-04-05T04:02:45.110Z,System.OutOfMemoryException during PDF page rasterization,3,op-5,func-oom-lab-001,RD2
        2026-04-05T04:06:31.442Z,Worker process terminated while processing image buffer,3,op-6,func-oom-lab-001,RD2
        """);

    public static KqlTable Requests() => TelemetrySchemas.FromCsv("requests", """
        timestamp:datetime,name:string,success:bool,duration:timespan,operation_Id:string,cloud_RoleName:string,customDimensions:dynamic
        2026-04-05T01:31:00Z,BlobBufferProcessor,true,00:00:00.400,op-r1,func-oom-lab-001,
        2026-04-05T01:33:00Z,BlobBufferProcessor,true,00:00:00.600,op-r2,func-oom-lab-001,
        2026-04-05T01:34:00Z,BlobBufferProcessor,false,00:00:00.500,op-r3,func-oom-lab-001,
        2026-04-05T01:41:00Z,BlobBufferProcessor,true,00:00:00.420,op-r4,func-oom-lab-001,
        2026-04-05T01:42:00Z,BlobBufferProcessor,false,00:00:05,op-r5,other-app,
        2026-04-05T01:45:00Z,BlobBufferProcessor,true,00:00:01,op-r7,func-oom-lab-001,
        2026-04-05T01:46:00Z,BlobBufferProcessor,false,00:00:01.620,op-r6,func-oom-lab-001,
        2026-04-05T02:16:00Z,BlobBufferProcessor,false,00:00:09.102,op-1,func-oom-lab-001,{}
        2026-04-05T02:17:00Z,BlobBufferProcessor,true,00:00:02,op-r9,func-oom-lab-001,
        2026-04-05T02:19:00Z,BlobBufferProcessor,false,00:00:10.210,op-2,func-oom-lab-001,
        2026-04-05T02:31:00Z,BlobStreamProcessor,true,00:00:01.1025,op-r11,func-oom-lab-001,
        2026-04-05T02:33:00Z,BlobStreamProcessor,true,00:00:00.958,op-r12,func-oom-lab-001,
        2026-04-05T02:38:00Z,BlobStreamProcessor,false,00:00:00.920,op-r13,func-oom-lab-001,
        2026-04-05T03:10:10Z,ProcessOrderHttpTrigger,false,00:00:03,op-3,func-oom-lab-001,"{""RequestBodyBytes"":""52428800""}"
        2026-04-05T03:28:00Z,ImportCatalogHttpTrigger,false,00:00:04,op-4,func-oom-lab-001,"{""RequestBodyBytes"":73400320}"
        2026-04-05T04:02:20Z,Render_Pdf_Activity,false,00:00:22.919,op-5,func-oom-lab-001,
        2026-04-05T04:06:20Z,GenerateThumbnail,false,00:00:07,op-8,func-oom-lab-001,
        2026-04-05T04:06:25Z,Thumbnail_Generate,false,00:00:08.305,op-6,func-oom-lab-001,
        """);

    public static KqlTable PerformanceCounters() => TelemetrySchemas.FromCsv("performanceCounters", """
        timestamp:datetime,counter:string,value:real,cloud_RoleName:string
        2026-04-05T01:31:00Z,Private Bytes,440401920,func-oom-lab-001
        2026-04-05T01:33:00Z,Working Set,999999999,func-oom-lab-001
        2026-04-05T01:34:00Z,Private Bytes,639631360,func-oom-lab-001
        2026-04-05T01:41:00Z,Private Bytes,524288000,func-oom-lab-001
        2026-04-05T01:42:00Z,Private Bytes,3000000000,other-app
        2026-04-05T01:46:00Z,Private Bytes,964689920,func-oom-lab-001
        2026-04-05T02:21:00Z,Private Bytes,2867000000,func-oom-lab-001
        2026-04-05T02:24:00Z,Private Bytes,2700000000,func-oom-lab-001
        """);

    public static KqlTable FunctionAppLogs() => TelemetrySchemas.FromCsv("FunctionAppLogs", """
        TimeGenerated:datetime,AppName:string,FunctionName:string,Level:string,Message:string
        2026-04-05T01:32:00Z,func-oom-lab-001,BlobBufferProcessor,Information,Executing 'Functions.BlobBufferProcessor'
        2026-04-05T01:44:00Z,func-oom-lab-001,,Warning,Restarting worker process after unexpected exit
        2026-04-05T02:16:41.105Z,func-oom-lab-001,BlobBufferProcessor,Error,MemoryError: cannot allocate bytes object
        2026-04-05T02:16:41.151Z,func-oom-lab-001,BlobBufferProcessor,Error,Invocation failed after 00:00:09.102
        2026-04-05T02:19:12.442Z,func-oom-lab-001,BlobBufferProcessor,Error,MemoryError: cannot allocate bytes object
        2026-04-05T02:19:12.501Z,func-oom-lab-001,BlobBufferProcessor,Error,Invocation failed after 00:00:10.088
        2026-04-05T02:20:00Z,func-oom-lab-001,BlobBufferProcessor,Information,MemoryErrors are rare
        2026-04-05T02:21:00Z,other-app,BlobBufferProcessor,Error,MemoryError: elsewhere
        2026-04-05T02:28:30.014Z,func-oom-lab-001,BlobBufferProcessor,Information,Streaming implementation active
        2026-04-05T02:31:05.327Z,func-oom-lab-001,BlobBufferProcessor,Information,Invocation completed in 00:00:01.102
        2026-04-05T02:39:00Z,func-oom-lab-001,,Warning,Host reported: out of memory-pressure warning
        """);

    public static KqlTable Dependencies() => TelemetrySchemas.FromCsv("dependencies", """
        timestamp:datetime,type:string,target:string,success:bool,duration:timespan,operation_Id:string,cloud_RoleName:string,customDimensions:dynamic
        2026-04-05T01:50:00Z,Azure blob,stfuncoomlab001.blob.core.windows.net,true,00:00:00.120,op-d11,func-oom-lab-001,
        2026-04-05T01:52:00Z,Azure blob,stfuncoomlab001.blob.core.windows.net,false,00:00:00.300,op-d12,func-oom-lab-001,
        2026-04-05T01:53:00Z,HTTP,api.example.com,true,00:00:00.080,op-d13,func-oom-lab-001,
        2026-04-05T02:16:00Z,Azure blob,stfuncoomlab001.blob.core.windows.net,false,00:00:02.500,op-1,func-oom-lab-001,
        2026-04-05T03:10:01Z,Azure blob,stfuncoomlab001.blob.core.windows.net,true,00:00:01,op-3,func-oom-lab-001,"{""ContentLengthBytes"":""67108864""}"
        2026-04-05T03:10:02Z,azure BLOB,stfuncoomlab001.blob.core.windows.net,true,00:00:01,op-3,func-oom-lab-001,"{""ContentLengthBytes"":""83886080""}"
        2026-04-05T03:10:03Z,Azure blob,stfuncoomlab001.blob.core.windows.net,true,00:00:01,op-3,func-oom-lab-001,"{""ContentLengthBytes"":""50331648""}"
        2026-04-05T03:10:04Z,Azure blob,stfuncoomlab001.blob.core.windows.net,true,00:00:01,op-3,func-oom-lab-001,"{""ContentLengthBytes"":""16777216""}"
        2026-04-05T03:27:50Z,Azure blob,stfuncoomlab001.blob.core.windows.net,true,00:00:01,op-4,func-oom-lab-001,"{""ContentLengthBytes"":""50331648""}"
        2026-04-05T03:27:55Z,Azure blob,stfuncoomlab001.blob.core.windows.net,true,00:00:01,op-4,func-oom-lab-001,"{""ContentLengthBytes"":67108864}"
        2026-04-05T03:27:56Z,SQL,sqlsrv,true,00:00:01.214,op-4,func-oom-lab-001,
        2026-04-05T03:30:00Z,Azure blob,stfuncoomlab001.blob.core.windows.net,true,00:00:01,op-9,func-oom-lab-001,"{""ContentLengthBytes"":""1000""}"
        2026-04-05T03:39:00Z,Azure SQL,sqlsrv,false,00:00:01.009,op-7,func-oom-lab-001,
        2026-04-05T03:39:30Z,sql,sqlsrv,true,00:00:00.500,op-7,func-oom-lab-001,
        """);

    public static KqlTable AppMetrics() => TelemetrySchemas.FromCsv("AppMetrics", """
        TimeGenerated:datetime,Name:string,Value:real,cloud_RoleInstance:string
        2026-04-05T02:40:00Z,WorkingSet,1000,RD1
        2026-04-05T02:45:00Z,WorkingSet,2000,RD1
        2026-04-05T02:50:00Z,WorkingSet,3000,RD1
        2026-04-05T02:41:00Z,PrivateBytes,500,RD1
        2026-04-05T02:42:00Z,Gen0Collections,7,RD1
        2026-04-05T02:40:00Z,WorkingSet,4000,RD0
        2026-04-05T04:05:00Z,WorkingSet,1287348224,RD1
        2026-04-05T04:07:00Z,WorkingSet,1499822080,RD1
        2026-04-05T04:12:00Z,PrivateBytes,1519804416,RD1
        """);
}
