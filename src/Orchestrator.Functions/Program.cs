using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Application.Ports;
using Orchestrator.Functions.Actions;
using Orchestrator.Functions.Http;
using Orchestrator.Http.Serialization;
using Orchestrator.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

var configuration = builder.Configuration;

// The same composition root as the standalone host: options, send-time rules and storage read alike. Locally the
// storage is a connection string (Azurite); in Azure the table endpoint and the managed identity's client id.
builder.Services.AddOrchestrator(configuration);
builder.Services.AddJourneyOrchestration();

// Actions go to the Service Bus topic rather than the storage queue.
builder.Services.AddSingleton(_ => CreateServiceBusClient(configuration));
builder.Services.AddSingleton(services => services.GetRequiredService<ServiceBusClient>()
    .CreateSender(configuration["Orchestrator:ActionsTopic"] is { Length: > 0 } topic ? topic : "actions"));
builder.Services.AddSingleton<IActionSink, ServiceBusActionSink>();

// The designer, customer and touchpoint routes share the standalone host's handlers, JSON and problem documents;
// touchpoints taken over HTTP go to the same session queue as a channel app's, so one customer's stay in order.
builder.Services.AddOrchestratorHttpJson();
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<ServiceBusTouchpointForwarder>();

// Analytics records the activities commit are folded in the worker that committed them; recovery covers the rest.
builder.Services.AddAnalyticsFold();

// The journey spans and meters, to Application Insights in Azure (APPLICATIONINSIGHTS_CONNECTION_STRING) or by OTLP
// (OTEL_EXPORTER_OTLP_ENDPOINT); nothing is registered when neither is set. Logs still go through the Functions host.
builder.Services.AddOrchestratorTelemetry(configuration, "orchestrator-functions");

builder.Build().Run();

// The same "ServiceBusConnection" the trigger uses: a connection string (the emulator locally), or identity-based
// settings (__fullyQualifiedNamespace, __credential = managedidentity, __clientId) in Azure.
static ServiceBusClient CreateServiceBusClient(IConfiguration configuration)
{
    var section = configuration.GetSection("ServiceBusConnection");
    if (section.Value is { Length: > 0 } connectionString)
    {
        return new ServiceBusClient(connectionString);
    }

    var fullyQualifiedNamespace = section["fullyQualifiedNamespace"]
        ?? throw new InvalidOperationException("Set ServiceBusConnection or ServiceBusConnection__fullyQualifiedNamespace.");
    var credential = section["clientId"] is { Length: > 0 } clientId
        ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
        : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    return new ServiceBusClient(fullyQualifiedNamespace, credential);
}
