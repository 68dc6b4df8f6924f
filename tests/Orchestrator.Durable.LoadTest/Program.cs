using System.CommandLine;
using Orchestrator.Durable.LoadTest;

var customers = new Option<int>("--customers") { Description = "Customers, one instance each, driven through every phase", DefaultValueFactory = _ => 100 };
var concurrency = new Option<int>("--concurrency") { Description = "Touchpoints handed to the ingress at once", DefaultValueFactory = _ => 8 };

var root = new RootCommand(
    "Durable route load tool: starts Azurite and the real Durable runtime (Azure Storage backend), runs the Functions app's "
    + "ingress, orchestrator and activities, and prints storage operations per touchpoint and raise → action latency")
{
    customers, concurrency,
};
root.SetAction((parse, cancellationToken) => DurableLoadRun.RunAsync(
    Math.Max(1, parse.GetValue(customers)), Math.Clamp(parse.GetValue(concurrency), 1, 64), Console.Out, cancellationToken));
return await root.Parse(args).InvokeAsync();
