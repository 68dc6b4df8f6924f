using Orchestrator.Application.Definitions;
using Orchestrator.Application.Ports;

namespace Orchestrator.Application.Tests.Definitions;

public sealed class VersionTransitionsTests
{
    [Theory]
    [InlineData(VersionStatus.Active, VersionStatus.Draining, true)]
    [InlineData(VersionStatus.Draining, VersionStatus.Draining, true)]
    [InlineData(VersionStatus.Stopped, VersionStatus.Draining, false)]
    [InlineData(VersionStatus.Superseded, VersionStatus.Draining, false)]
    [InlineData(VersionStatus.Active, VersionStatus.Stopped, true)]
    [InlineData(VersionStatus.Draining, VersionStatus.Stopped, true)]
    [InlineData(VersionStatus.Superseded, VersionStatus.Stopped, true)]
    [InlineData(VersionStatus.Stopped, VersionStatus.Stopped, true)]
    public void Refusal_StatusAndRequest_AllowsOnlyTheLifecycle(VersionStatus current, VersionStatus requested, bool allowed) =>
        Assert.Equal(allowed, VersionTransitions.Refusal(current, requested) is null);

    [Theory]
    [InlineData(VersionStatus.Active)]
    [InlineData(VersionStatus.Superseded)]
    public void Refusal_StatusOnlyDeploysSet_Throws(VersionStatus requested) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VersionTransitions.Refusal(VersionStatus.Active, requested));
}
