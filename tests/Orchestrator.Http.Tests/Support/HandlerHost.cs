using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application;
using Orchestrator.Http.Serialization;
using Orchestrator.Storage;

namespace Orchestrator.Http.Tests.Support;

/// <summary>
/// What any host gives the handlers, and no more: the application over in-memory storage, the shared JSON options and
/// problem details. Results are executed on a bare <see cref="DefaultHttpContext"/>, as a host that is not minimal API
/// routing (the Functions worker) executes them.
/// </summary>
public sealed class HandlerHost : IDisposable
{
    private readonly ServiceProvider _services;

    public HandlerHost()
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

    /// <summary>A request with a body, answered into memory.</summary>
    public HttpRequest Request(string? contentType, string body = "", IHeaderDictionary? headers = null)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        foreach (var (name, value) in headers ?? new HeaderDictionary())
        {
            context.Request.Headers[name] = value;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>A request without a body.</summary>
    public HttpRequest Request() => Request(null);

    /// <summary>Executes a handler's result on its request's context and reads the answer.</summary>
    public static async Task<Answer> ExecuteAsync(IResult result, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var response = request.HttpContext.Response;
        await result.ExecuteAsync(request.HttpContext);
        response.Body.Position = 0;
        var text = await new StreamReader(response.Body).ReadToEndAsync();
        using var document = text.Length == 0 ? null : JsonDocument.Parse(text);
        return new Answer(response.StatusCode, response.ContentType, response.Headers.Location.ToString(), document?.RootElement.Clone());
    }

    public void Dispose() => _services.Dispose();
}
