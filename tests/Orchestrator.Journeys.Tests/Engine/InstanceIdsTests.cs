using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Tests.Engine;

public class InstanceIdsTests
{
    [Theory]
    [InlineData("cust-1", "evt-42", "bill-payment:cust-1:evt-42")]
    [InlineData("a/b", "c\\d", "bill-payment:a%2Fb:c%5Cd")]
    [InlineData("a#b", "c?d", "bill-payment:a%23b:c%3Fd")]
    [InlineData("100%", "x:y", "bill-payment:100%25:x%3Ay")]
    [InlineData("tab\there", "nl\nhere", "bill-payment:tab%09here:nl%0Ahere")]
    [InlineData("émilie", "ünïcode", "bill-payment:émilie:ünïcode")]
    public void For_ShortInputs_AreReadableWithReservedCharactersEscaped(string customer, string trigger, string expected)
    {
        Assert.Equal(expected, InstanceIds.For("bill-payment", customer, trigger));
    }

    [Fact]
    public void For_SameInputs_GiveTheSameId()
    {
        var longCustomer = new string('c', 200);

        Assert.Equal(InstanceIds.For("j", "cust-1", "evt-1"), InstanceIds.For("j", "cust-1", "evt-1"));
        Assert.Equal(InstanceIds.For("j", longCustomer, "evt-1"), InstanceIds.For("j", longCustomer, "evt-1"));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(80)]
    [InlineData(200)]
    [InlineData(5000)]
    public void For_AnyLength_StaysWithinMaxLengthAndFreeOfReservedCharacters(int length)
    {
        var customer = string.Concat(Enumerable.Repeat("a/#?%:\\", length / 7 + 1))[..length];
        var journeyId = new string('j', 63);

        var id = InstanceIds.For(journeyId, customer, "evt-1");

        Assert.InRange(id.Length, 1, InstanceIds.MaxLength);
        Assert.DoesNotContain(id, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        Assert.StartsWith($"{journeyId}:", id, StringComparison.Ordinal);
    }

    [Fact]
    public void For_LongInputs_UseTheHashedFormOfJourneyAndThirtyTwoHexDigits()
    {
        var id = InstanceIds.For("bill-payment", new string('c', 120), "evt-1");

        Assert.Matches("^bill-payment:[0-9a-f]{32}$", id);
    }

    /// <summary>Pairs that must never share an id, in readable and hashed forms alike.</summary>
    [Theory]
    [InlineData("a", "b:c", "a:b", "c")]
    [InlineData("a%3Ab", "c", "a:b", "c")]
    [InlineData("cust-1", "evt-1", "cust-1", "evt-2")]
    [InlineData("cust-1", "evt-1", "cust-2", "evt-1")]
    public void For_DifferentCustomerOrTrigger_GiveDifferentIds(string customer1, string trigger1, string customer2, string trigger2)
    {
        var padding = new string('x', 120);

        Assert.NotEqual(InstanceIds.For("j", customer1, trigger1), InstanceIds.For("j", customer2, trigger2));
        Assert.NotEqual(InstanceIds.For("j", customer1 + padding, trigger1), InstanceIds.For("j", customer2 + padding, trigger2));
        Assert.NotEqual(InstanceIds.For("j", customer1, trigger1 + padding), InstanceIds.For("j", customer2, trigger2 + padding));
    }

    [Fact]
    public void For_LongCustomerIdContainingANewline_DoesNotCollideWithAnotherSplit()
    {
        // Hashed form: customer "P\nb" with trigger "c" must differ from customer "P" with trigger "b\nc".
        var padding = new string('p', 120);

        Assert.NotEqual(InstanceIds.For("j", padding + "\nb", "c"), InstanceIds.For("j", padding, "b\nc"));
    }

    [Fact]
    public void For_ManyDistinctTriggers_GiveDistinctIds()
    {
        var ids = Enumerable.Range(0, 5000)
            .SelectMany(i => new[] { InstanceIds.For("j", "cust", $"evt-{i}"), InstanceIds.For("j", new string('c', 100), $"evt-{i}") })
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void For_DifferentJourneys_GiveDifferentIds()
    {
        Assert.NotEqual(InstanceIds.For("a", "c", "e"), InstanceIds.For("b", "c", "e"));
        Assert.NotEqual(InstanceIds.For("a", new string('c', 120), "e"), InstanceIds.For("b", new string('c', 120), "e"));
    }
}
