using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Orchestrator.Journeys.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
