using Orchestrator.Standalone.Endpoints;
using Orchestrator.Standalone.Hosting;
using Orchestrator.Standalone.Serialization;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddJourneyRuntime(builder.Configuration);
builder.Services.AddStandaloneJson();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapHealthChecks("/healthz");
app.MapTouchpointEndpoints();
app.MapJourneyEndpoints();
app.MapInstanceEndpoints();
app.MapCustomerEndpoints();

app.Run();

/// <summary>The standalone runtime host; public so integration tests can start it in-process.</summary>
public partial class Program;
