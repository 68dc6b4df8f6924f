using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Http.Contracts;

namespace Orchestrator.Http.Handlers;

/// <summary>The HTTP ingress for touchpoints, for every host: CloudEvents in structured, batch or binary mode.</summary>
public static partial class TouchpointHandlers
{
    /// <summary>What <see cref="PostAsync"/> takes, as its 415 and the hosts' route descriptions say.</summary>
    public const string AcceptedMediaTypes =
        "application/cloudevents+json (one event), application/cloudevents-batch+json (an array of events) or application/json with ce-* headers (binary mode)";

    /// <summary>Reads the touchpoints and hands each, in order, to <paramref name="accept"/>.</summary>
    /// <remarks>
    /// What taking a touchpoint means is the host's: the standalone runtime applies it at once
    /// (<see cref="TouchpointIngress.AcceptAsync"/>), the Functions app forwards it to the queue its orchestrations are
    /// fed from. Either way the request is read, checked and answered here, so both answer alike.
    /// </remarks>
    /// <param name="request">The request.</param>
    /// <param name="accept">Takes one validated touchpoint and says how; throws when it could not be taken (answered 503).</param>
    /// <param name="options">Size limits.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <param name="acceptBatch">
    /// Takes several touchpoints at once, when the host can do better than one at a time (the standalone runtime applies
    /// each customer's as one group commit, <see cref="TouchpointIngress.AcceptBatchAsync"/>); none takes them one by one.
    /// </param>
    /// <returns>202 with how each was taken; 400 naming every bad attribute; 415; 503 when one could not be taken.</returns>
    public static async Task<Results<Accepted<TouchpointsAccepted>, ProblemHttpResult>> PostAsync(
        HttpRequest request,
        Func<IncomingTouchpoint, CancellationToken, Task<AcceptResult>> accept,
        ApplicationOptions options,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken,
        Func<IReadOnlyList<IncomingTouchpoint>, CancellationToken, Task<BatchAcceptResult>>? acceptBatch = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accept);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        var mediaType = MediaTypes.Of(request.ContentType);
        var mode = mediaType switch
        {
            CloudEventReader.StructuredContentType => Mode.Structured,
            CloudEventReader.BatchContentType => Mode.Batch,
            _ when request.ContentType is null || MediaTypes.IsJson(mediaType) => Mode.Binary,
            _ => Mode.Unsupported,
        };
        if (mode == Mode.Unsupported)
        {
            return Problems.UnsupportedMediaType(request.ContentType, AcceptedMediaTypes);
        }

        var maxBytes = mode == Mode.Batch ? options.MaxTouchpointBytes * options.MaxBatchSize : options.MaxTouchpointBytes;
        if (await BoundedBody.ReadAsync(request, maxBytes, cancellationToken) is not { } body)
        {
            var attribute = mode == Mode.Binary ? "data" : "";
            return Rejected([new TouchpointProblem(attribute, $"the request body is larger than {maxBytes} bytes, the most accepted")]);
        }

        var read = mode switch
        {
            Mode.Structured => CloudEventReader.ReadStructured(body, options.MaxTouchpointBytes),
            Mode.Batch => CloudEventReader.ReadBatch(body, options.MaxTouchpointBytes, options.MaxBatchSize),
            _ => CloudEventReader.ReadBinary(CloudEventHeaders.Read(request.Headers), request.ContentType, body, options.MaxTouchpointBytes),
        };
        if (!read.IsValid)
        {
            return Rejected([.. read.Problems]);
        }

        if (acceptBatch is not null && read.Touchpoints.Count > 1)
        {
            var batch = await acceptBatch(read.Touchpoints, cancellationToken);
            if (batch.NotAccepted is { } notAccepted)
            {
                LogNotAccepted(loggerFactory.CreateLogger(typeof(TouchpointHandlers).FullName!), batch.Failure, notAccepted);
                return NotAccepted(notAccepted, [.. batch.Accepted]);
            }

            return TypedResults.Accepted((string?)null, new TouchpointsAccepted(batch.Accepted));
        }

        var accepted = new List<AcceptResult>(read.Touchpoints.Count);
        foreach (var touchpoint in read.Touchpoints)
        {
            try
            {
                accepted.Add(await accept(touchpoint, cancellationToken));
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever the storage client threw, time-outs included: the caller must know to send it again.
                LogNotAccepted(loggerFactory.CreateLogger(typeof(TouchpointHandlers).FullName!), exception, touchpoint.Id);
                return NotAccepted(touchpoint.Id, accepted);
            }
        }

        return TypedResults.Accepted((string?)null, new TouchpointsAccepted(accepted));
    }

    private static ProblemHttpResult Rejected(TouchpointProblem[] problems) =>
        Problems.Invalid(
            "The touchpoint request was rejected",
            $"{problems.Length} problem(s): {string.Join("; ", problems.Select(p => p.ToString()))}",
            problems);

    // Earlier touchpoints of a batch were taken; resending the whole batch is safe, as ids deduplicate.
    private static ProblemHttpResult NotAccepted(string touchpointId, List<AcceptResult> accepted) =>
        TypedResults.Problem(
            detail: $"Touchpoint '{touchpointId}' could not be applied or queued; storage is unavailable. Send it again later.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Touchpoint not accepted",
            extensions: new Dictionary<string, object?> { ["accepted"] = accepted.ToArray() });

    [LoggerMessage(Level = LogLevel.Error, Message = "Touchpoint {TouchpointId} could not be applied or queued; answering 503")]
    private static partial void LogNotAccepted(ILogger logger, Exception? exception, string touchpointId);

    private enum Mode
    {
        Structured,
        Batch,
        Binary,
        Unsupported,
    }
}
