using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Orchestrator.Standalone.Console;

/// <summary>
/// Serves the journey console, the web page built from <c>src/Orchestrator.Console</c> into <c>wwwroot/console</c>, at
/// <c>/console</c>: its files as they are, and its page for any other path below (the page routes with the URL's hash).
/// </summary>
/// <remarks>
/// Open, like <c>/healthz</c>: the page holds no data and asks for the management key, which it sends with every API call.
/// The hashed asset names change with their content, so they may be cached for long; the page itself is never cached, so a
/// new build is picked up at the next load.
/// </remarks>
public static class ConsoleExtensions
{
    /// <summary>The console's address.</summary>
    public const string Path = "/console";

    private const string Page = "index.html";

    /// <summary>Maps <c>/console</c> to the built console, or to a plain answer saying how to build it when it is not built.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = System.IO.Path.Combine(app.Environment.WebRootPath ?? System.IO.Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "console");
        app.Map(Path, console =>
        {
            if (!File.Exists(System.IO.Path.Combine(root, Page)))
            {
                console.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    return context.Response.WriteAsync("The console is not built. Run: npm ci && npm run build (in src/Orchestrator.Console), or ./eng/run.sh, which does it.");
                });
                return;
            }

            var files = new PhysicalFileProvider(root);
            console.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            console.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] =
                    file.File.Name == Page ? "no-cache" : "public, max-age=31536000, immutable",
            });
            console.Run(async context =>
            {
                // Any other path below /console is a page of the console: answer the page, which reads its route from the hash.
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
                await context.Response.SendFileAsync(files.GetFileInfo(Page), context.RequestAborted);
            });
        });
        return app;
    }
}
