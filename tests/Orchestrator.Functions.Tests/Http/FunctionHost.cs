using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application;
using Orchestrator.Http.Serialization;
using Orchestrator.Storage;

namespace Orchestrator.Functions.Tests.Http;

/// <summary>
/// The services the HTTP functions need, registered as the Functions Program.cs registers them (storage in memory),
/// and the step the worker's ASP.NET Core integration takes after a function returns: executing its IActionResult.
/// </summary>
public sealed class FunctionHost : IDisposable
{
    private readonly ServiceProvider _services;

    public FunctionHost()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJourneyApplication();
        services.AddInMemoryStorage();
        services.AddOrchestratorHttpJson();
        services.AddProblemDetails();
        _services = services.BuildServiceProvider();
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A request as the worker hands it to a function: its services are the invocation's.</summary>
    public HttpRequest Request(string? contentType = null, string body = "") => Request(contentType, Encoding.UTF8.GetBytes(body));

    /// <summary>A request whose body is given as bytes, which may be anything, UTF-8 or not.</summary>
    public HttpRequest Request(string? contentType, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Executes what the function returned, as <c>FunctionsHttpProxyingMiddleware</c> does, and reads the answer.</summary>
    public static async Task<Answer> ExecuteAsync(IActionResult result, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        using var document = text.Length == 0 ? null : JsonDocument.Parse(text);
        return new Answer(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers.Location.ToString(), document?.RootElement.Clone());
    }

    public void Dispose() => _services.Dispose();
}

/// <summary>An executed function result: status, content type, Location and JSON body.</summary>
public sealed record Answer(int Status, string? ContentType, string? Location, JsonElement? Body)
{
    public JsonElement Json => Body ?? throw new InvalidOperationException($"the {Status} answer has no body");
}
