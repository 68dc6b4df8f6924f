using FsCheck;
using FsCheck.Fluent;

namespace Orchestrator.Journeys.Tests.Properties;

/// <summary>Generators of bill-payment scenarios.</summary>
internal static class Generators
{
    private static readonly TimeSpan[] Advances =
    [
        TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(3), TimeSpan.FromDays(5), TimeSpan.FromDays(10), TimeSpan.FromDays(20),
    ];

    private static readonly TimeSpan[] SmallAdvances = [TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)];

    private static readonly string?[] FailureData =
    [
        null, "{}", """{"reason":"card-expired"}""", """{"reason":"insufficient-funds"}""", """{"reason":"Card-Expired"}""", """{"reason":5}""", """{"reason":null}""",
    ];

    /// <summary>Up to 40 moves over up to a few months, any event type, wake-ups at random and exact times.</summary>
    public static Arbitrary<Scenario> BillPayment { get; } = Arb.From(Scenarios(Advances, ending: true, maxMoves: 40), Shrink);

    /// <summary>
    /// 1,000 moves close together, with no event that ends the instance and no jump to the next deadline,
    /// so it stays running (timeouts still fire when the clock passes them).
    /// </summary>
    public static Arbitrary<Scenario> LongBillPayment { get; } = Arb.From(Scenarios(SmallAdvances, ending: false, maxMoves: 1000, minMoves: 1000));

    /// <summary>Up to 40 moves for <see cref="ShowcaseJourney"/>, with payloads that take every path.</summary>
    public static Arbitrary<Scenario> Showcase { get; } = Arb.From(ShowcaseScenarios(), Shrink);

    private static Gen<Scenario> ShowcaseScenarios()
    {
        var advance = Gen.Elements(Advances);
        var link = Gen.Elements("\"https://x.test/a\"", "\"http://x.test/b\"", "null", "7");
        var followUp = Gen.Elements("", ",\"followUp\":\"2026-03-01T00:00:00Z\"", ",\"followUp\":\"2026-03-10T12:00:00+01:00\"", ",\"followUp\":\"2026-04-01\"", ",\"followUp\":\"soon\"");
        var answer = Gen.Elements("\"yes\"", "\"y\"", "\"maybe\"", "\"no\"", "true");
        var payload = Gen.OneOf(
            from l in link from f in followUp select ("clicked", $$"""{"link":{{l}}{{f}}}"""),
            answer.Select(a => ("replied", $$"""{"answer":{{a}}}""")),
            Gen.Choose(0, 200).Select(v => ("converted", $$"""{"value":{{v}}}""")),
            Gen.Elements("true", "false", "\"true\"").Select(a => ("optout", $$"""{"all":{{a}}}""")),
            Gen.Constant(("unrelated.type", "{}")));
        var touch = from a in advance from p in payload select (Move)new TouchMove(a, p.Item1, p.Item2);
        var move = Gen.Frequency(
            (10, touch),
            (4, advance.Select(a => (Move)new WakeMove(a))),
            (6, Gen.Constant((Move)new WakeWhenDueMove())),
            (1, advance.Select(a => (Move)new StopMove(a))));

        return
            from tz in Gen.Elements("\"Europe/Paris\"", "\"America/New_York\"", "\"Asia/Tokyo\"", "\"Bad/Zone\"", "null")
            from plan in Gen.Elements("\"basic\"", "\"pro\"", "{\"name\":\"team\",\"seats\":[1,2]}")
            from id in Gen.Choose(0, 1_000_000)
            from count in Gen.Choose(0, 40)
            from moves in move.ArrayOf(count)
            select new Scenario($"signup-{id}", $$"""{"tz":{{tz}},"plan":{{plan}}}""", moves);
    }

    private static Gen<Scenario> Scenarios(TimeSpan[] advances, bool ending, int maxMoves, int minMoves = 0)
    {
        var advance = Gen.Elements(advances);
        string[] types = ending
            ? ["invoice.issued", "payment.completed", "payment.failed", "account.closed", "unrelated.type"]
            : ["invoice.issued", "payment.failed", "unrelated.type"];
        var touch =
            from a in advance
            from type in Gen.Elements(types)
            from failure in Gen.Elements(FailureData)
            from amount in Gen.Choose(-5, 500)
            select (Move)new TouchMove(a, type, Payload(type, failure, amount));
        var wake = advance.Select(a => (Move)new WakeMove(a));
        var due = Gen.Constant((Move)new WakeWhenDueMove());
        var stop = advance.Select(a => (Move)new StopMove(a));
        var move = ending
            ? Gen.Frequency((10, touch), (4, wake), (6, due), (1, stop))
            : Gen.Frequency((10, touch), (10, wake));

        return
            from amount in Gen.Choose(1, 1000)
            from count in Gen.Choose(minMoves, maxMoves)
            from moves in move.ArrayOf(count)
            select new Scenario("invoice-1", $$"""{"amount":{{amount}}}""", moves);
    }

    private static string? Payload(string type, string? failure, int amount) => type switch
    {
        "payment.failed" => failure,
        "invoice.issued" => $$"""{"amount":{{amount}}}""",
        "payment.completed" => $$"""{"amount":{{amount}}}""",
        _ => null,
    };

    /// <summary>Shrinks by dropping one move at a time, so a failure is reported with the fewest moves.</summary>
    private static IEnumerable<Scenario> Shrink(Scenario scenario) =>
        Enumerable.Range(0, scenario.Moves.Count)
            .Select(i => scenario with { Moves = [.. scenario.Moves.Take(i), .. scenario.Moves.Skip(i + 1)] });
}
