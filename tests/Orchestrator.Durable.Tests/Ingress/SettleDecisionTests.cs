using Orchestrator.Durable.Ingress;

namespace Orchestrator.Durable.Tests.Ingress;

public sealed class SettleDecisionTests
{
    [Fact]
    public void DeadLetter_ShortDescription_IsKeptWhole()
    {
        var deadLetter = new SettleDecision.DeadLetter("reason", "id: is required");

        Assert.Equal("id: is required", deadLetter.Description);
    }

    [Fact]
    public void DeadLetter_LongDescription_IsTruncatedToTheLimit()
    {
        var description = string.Join("; ", Enumerable.Range(0, 200).Select(i => $"/{i}/id: is required"));

        var deadLetter = new SettleDecision.DeadLetter("reason", description);

        Assert.Equal(SettleDecision.DeadLetter.MaxDescriptionLength, deadLetter.Description.Length);
        Assert.StartsWith(description[..100], deadLetter.Description, StringComparison.Ordinal);
        Assert.EndsWith("...", deadLetter.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void DeadLetter_LongDescriptionSetWithWith_IsTruncatedToo()
    {
        var deadLetter = new SettleDecision.DeadLetter("reason", "short") with { Description = new string('x', 5000) };

        Assert.Equal(SettleDecision.DeadLetter.MaxDescriptionLength, deadLetter.Description.Length);
    }
}
