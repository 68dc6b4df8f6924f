using System.CommandLine;
using Orchestrator.LoadTest;

var touchpoints = new Option<int>("--touchpoints") { Description = "Touchpoints in the throughput run (whole cycles of 3 per customer); 0 skips it", DefaultValueFactory = _ => 6000 };
var customers = new Option<int>("--customers") { Description = "Customers the touchpoints are spread over", DefaultValueFactory = _ => 500 };
var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once", DefaultValueFactory = _ => 8 };
var waiting = new Option<int>("--waiting") { Description = "Waiting instances to start while sampling the host's memory; 0 skips it", DefaultValueFactory = _ => 0 };
var noAnalytics = new Option<bool>("--no-analytics") { Description = "Run the host with analytics off (Orchestrator:Analytics:Enabled=false), for a before/after comparison" };
var overdueTimers = new Option<int>("--overdue-timers") { Description = "Timers left overdue by a stopped host, drained by a restarted one (drain rate, order, touchpoint latency beside); 0 skips it", DefaultValueFactory = _ => 0 };
var inMemory = new Option<bool>("--in-memory") { Description = "Run the host with its state in its own memory (Storage:Mode=Memory): the host's cost without storage; no Azurite, no action latency" };
var hostCpus = new Option<string?>("--host-cpus") { Description = "Pin the host to these CPUs (taskset --cpu-list, e.g. 0) to measure it on one core; run the tool itself on the others (taskset -c 1 dotnet run …)" };
var sdkTables = new Option<bool>("--sdk-tables") { Description = "Run the host with the touchpoint's table calls on the Azure SDK (Storage:Tables:LeanTransport=false), for a before/after comparison" };
var batch = new Option<int>("--batch") { Description = "Touchpoints per batch POST in the throughput run (each customer's cycle of 3 in one batch, up to 100); 0 posts one at a time", DefaultValueFactory = _ => 0 };
var noGroupCommit = new Option<bool>("--no-group-commit") { Description = "Run the host with group commit off (Orchestrator:GroupCommit=false): a batch's touchpoints applied one at a time, for a before/after comparison" };
var timeLimit = new Option<int>("--time-limit") { Description = "Seconds the whole run may take", DefaultValueFactory = _ => 900 };

var root = new RootCommand("Load test: starts Azurite and the real host, measures touchpoints/s, latency, storage round trips and memory")
{
    touchpoints, customers, concurrency, waiting, timeLimit, noAnalytics, overdueTimers, inMemory, hostCpus, sdkTables, batch, noGroupCommit,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var settings = new LoadSettings(
        Math.Max(0, parse.GetValue(touchpoints)),
        Math.Max(1, parse.GetValue(customers)),
        Math.Clamp(parse.GetValue(concurrency), 1, 256),
        Math.Max(0, parse.GetValue(waiting)),
        TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeLimit), 10, 3600)))
    {
        Analytics = !parse.GetValue(noAnalytics),
        OverdueTimers = Math.Max(0, parse.GetValue(overdueTimers)),
        InMemory = parse.GetValue(inMemory),
        HostCpus = parse.GetValue(hostCpus) is { Length: > 0 } cpus ? cpus : null,
        SdkTables = parse.GetValue(sdkTables),
        Batch = Math.Clamp(parse.GetValue(batch), 0, 100),
        GroupCommit = !parse.GetValue(noGroupCommit),
    };
    var failed = settings.Touchpoints > 0 || settings.Waiting > 0 ? await LoadRun.RunAsync(settings, Console.Out, cancellationToken) : 0;
    if (settings.OverdueTimers > 0 && !await TimerDrainRun.RunAsync(settings, Console.Out, cancellationToken))
    {
        failed = 1;
    }

    return failed;
});
return await root.Parse(args).InvokeAsync();
