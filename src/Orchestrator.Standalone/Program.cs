using Orchestrator.Standalone.Console;
using Orchestrator.Standalone.Endpoints;
using Orchestrator.Standalone.Hosting;
using Orchestrator.Standalone.Http;
using Orchestrator.Standalone.Security;
using Orchestrator.Standalone.Serialization;

var builder = WebApplication.CreateBuilder(args);

// A host without usable keys says so on one line and exits with code 2, rather than with a stack trace and an abort.
try
{
    builder.Services.AddApiKeys(builder.Configuration, builder.Environment);
}
catch (StartupRefusedException refused)
{
    return refused.Report(Console.Error);
}

builder.Services.AddRequestLimits(builder.Configuration);
builder.Services.AddJourneyRuntime(builder.Configuration);
builder.Services.AddStandaloneJson();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseApiKeys();
app.UseRequestLimits();

app.MapOpenApi();
app.MapHealthChecks("/healthz");
app.MapTouchpointEndpoints();
app.MapJourneyEndpoints();
app.MapInstanceEndpoints();
app.MapOpsEndpoints();
app.MapPoisonEndpoints();
app.MapCustomerEndpoints();
app.MapAnalyticsEndpoints();
app.MapDiagnosticsEndpoints();
app.MapConsole();

app.Run();
return 0;

/// <summary>The standalone runtime host; public so integration tests can start it in-process.</summary>
public partial class Program;
