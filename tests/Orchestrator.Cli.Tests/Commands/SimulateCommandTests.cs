using System.Text.Json;
using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Commands;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Simulate_ExpectationsMet_ExitsZeroAndSaysSo()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var script = _files.Write("script.json", TestJourneys.NoPaymentScript(null, TestJourneys.MetExpectation));

        var result = JourneyCli.Run("simulate", journey, "--events", script);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("expectations met", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_WrongExpectation_ExitsOneAndPrintsEachMismatch()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var script = _files.Write("script.json", TestJourneys.NoPaymentScript(null, TestJourneys.WrongExpectation));

        var result = JourneyCli.Run("simulate", journey, "--events", script);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("expectations not met", result.Output, StringComparison.Ordinal);
        Assert.Contains("outcome: expected success, got failure", result.Output, StringComparison.Ordinal);
        Assert.Contains("actions: expected [email/invoice-ready], got [email/invoice-ready, sms/payment-reminder]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_NoExpect_ExitsZeroWithoutVerdict()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var script = _files.Write("script.json", TestJourneys.NoPaymentScript(null, null));

        var result = JourneyCli.Run("simulate", journey, "--events", script);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("expectations", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_Trace_ShowsTheFiguresTheRuntimeWouldCount()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var script = _files.Write("script.json", TestJourneys.NoPaymentScript(null, null));

        var result = JourneyCli.Run("simulate", journey, "--events", script);

        var lines = result.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains(lines, l => l.StartsWith("figures: started 1, ended 1 (failure 1), score ", StringComparison.Ordinal));
        Assert.Contains("  wait-pay: entered 1, onTimeout 1", lines);
        Assert.Contains("  gave-up: entered 1, ended failure 1", lines);
    }

    [Fact]
    public void Simulate_Trace_ShowsEachInputItsDecisionsAndCommands()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var script = _files.Write("script.json", TestJourneys.NoPaymentScript(null, null));

        var result = JourneyCli.Run("simulate", journey, "--events", script);

        var lines = result.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("2026-01-05 09:00:00Z  touchpoint invoice.issued (evt-0): started", lines);
        Assert.Contains(lines, l => l.StartsWith("    => send email/invoice-ready key=", StringComparison.Ordinal)
            && l.EndsWith("data={\"invoiceId\":\"INV-1\"}", StringComparison.Ordinal));
        Assert.Contains("    => wake-up at 2026-01-08 09:00:00Z", lines);
        Assert.Contains("2026-01-08 09:00:00Z  wake-up: applied", lines);
        Assert.Contains("    timedOut        wait-pay → remind", lines);
        Assert.Contains("    => complete failure (unpaid)", lines);
        Assert.Contains("outcome: failure", lines);
        Assert.Contains("actions: email/invoice-ready, sms/payment-reminder", lines);
        Assert.Contains("steps:   send-invoice, wait-pay, remind, gave-up", lines);
    }

    [Fact]
    public void Simulate_BranchDecision_ShowsTheValuesItRead()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var script = _files.Write("script.json", """
            {
              "start": "2026-01-05T09:00:00Z",
              "events": [
                { "at": "PT0S", "type": "invoice.issued" },
                { "at": "P1D", "type": "payment.failed", "data": { "reason": "card-expired" } }
              ]
            }
            """);

        var result = JourneyCli.Run("simulate", journey, "--events", script);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("branchTaken     check-reason → update-card", result.Output, StringComparison.Ordinal);
        Assert.Contains("[event.data.reason=\"card-expired\"]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_FileOmitted_ResolvesScriptJourneyRelativeToScript()
    {
        Directory.CreateDirectory(_files.PathOf("journeys"));
        Directory.CreateDirectory(_files.PathOf("scenarios"));
        _files.Write(Path.Combine("journeys", "invoice.json"), TestJourneys.InvoiceReminder);
        var script = _files.Write(Path.Combine("scenarios", "no-payment.json"), TestJourneys.NoPaymentScript("../journeys/invoice.json", TestJourneys.MetExpectation));

        var result = JourneyCli.Run("simulate", "--events", script);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("expectations met", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_FileGiven_TakesPrecedenceOverScriptJourney()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var script = _files.Write("script.json", TestJourneys.NoPaymentScript("does-not-exist.json", TestJourneys.MetExpectation));

        var result = JourneyCli.Run("simulate", journey, "--events", script);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Simulate_FileOmittedAndScriptNamesNoJourney_ExitsTwo()
    {
        var script = _files.Write("script.json", TestJourneys.NoPaymentScript(null, null));

        var result = JourneyCli.Run("simulate", "--events", script);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no journey to simulate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_ScriptJourneyMissing_ExitsTwo()
    {
        var script = _files.Write("script.json", TestJourneys.NoPaymentScript("gone.json", null));

        var result = JourneyCli.Run("simulate", "--events", script);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("gone.json': file not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_InvalidScript_ExitsOneWithPointer()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var script = _files.Write("script.json", """
            { "start": "2026-01-05T09:00:00Z", "events": [ { "at": "soon", "type": "invoice.issued" } ] }
            """);

        var result = JourneyCli.Run("simulate", journey, "--events", script);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"✗ {script}", result.Error, StringComparison.Ordinal);
        Assert.Contains("  /events/0/at: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_InvalidDefinition_ExitsOneWithPointer()
    {
        var journey = _files.Write("broken.json", TestJourneys.Invalid);
        var script = _files.Write("script.json", TestJourneys.NoPaymentScript(null, null));

        var result = JourneyCli.Run("simulate", journey, "--events", script);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"✗ {journey}", result.Error, StringComparison.Ordinal);
        Assert.Contains("  /steps/one/next: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_MissingScript_ExitsTwo()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);

        var result = JourneyCli.Run("simulate", journey, "--events", _files.PathOf("nowhere.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("file not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_EventsOptionMissing_ExitsTwo()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);

        var result = JourneyCli.Run("simulate", journey);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--events", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_Json_PrintsTraceWithCamelCaseStateAndVerdict()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var script = _files.Write("script.json", TestJourneys.NoPaymentScript(null, TestJourneys.MetExpectation));

        var result = JourneyCli.Run("simulate", journey, "--events", script, "--json");

        Assert.Equal(0, result.ExitCode);
        using var trace = JsonDocument.Parse(result.Output);
        var root = trace.RootElement;
        Assert.Equal("failure", root.GetProperty("outcome").GetString());
        Assert.Equal(["email/invoice-ready", "sms/payment-reminder"], root.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("c-1", root.GetProperty("finalState").GetProperty("customerId").GetString());
        var first = root.GetProperty("entries")[0];
        Assert.Equal("started", first.GetProperty("effect").GetString());
        var send = first.GetProperty("commands")[0];
        Assert.Equal("send", send.GetProperty("kind").GetString());
        Assert.Equal("INV-1", send.GetProperty("data").GetProperty("invoiceId").GetString());
        Assert.Equal("send-invoice", first.GetProperty("decisions")[1].GetProperty("step").GetString());
        Assert.True(root.GetProperty("expectations").GetProperty("met").GetBoolean());
    }

    [Fact]
    public void Simulate_JsonWithWrongExpectation_ExitsOneAndListsMismatches()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var script = _files.Write("script.json", TestJourneys.NoPaymentScript(null, TestJourneys.WrongExpectation));

        var result = JourneyCli.Run("simulate", journey, "--events", script, "--json");

        Assert.Equal(1, result.ExitCode);
        using var trace = JsonDocument.Parse(result.Output);
        var expectations = trace.RootElement.GetProperty("expectations");
        Assert.False(expectations.GetProperty("met").GetBoolean());
        Assert.Contains(
            "outcome: expected success, got failure",
            expectations.GetProperty("mismatches").EnumerateArray().Select(m => m.GetString()));
    }
}
