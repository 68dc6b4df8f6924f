using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Moq;
using Orchestrator.Functions.Http;

namespace Orchestrator.Functions.Tests.Http;

public sealed class HttpResultActionTests
{
    [Fact]
    public async Task ExecuteResultAsync_WritesTheResultOnTheActionsHttpContext()
    {
        var context = new DefaultHttpContext();
        var result = new Mock<IResult>(MockBehavior.Strict);
        result.Setup(r => r.ExecuteAsync(context)).Returns(Task.CompletedTask).Verifiable(Times.Once);

        await new HttpResultAction(result.Object).ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        result.Verify();
    }

    [Fact]
    public void Constructor_NullResult_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new HttpResultAction(null!));
}
