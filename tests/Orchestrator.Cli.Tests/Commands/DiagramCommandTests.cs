using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Commands;

public sealed class DiagramCommandTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Diagram_ValidFile_PrintsFlowchartWithLabelledEdges()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);

        var result = JourneyCli.Run("diagram", journey);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal("flowchart TD", lines[0]);
        Assert.Contains("journey_entry -->|\"invoice.issued\"| step_send_invoice", lines);
        Assert.Contains("step_send_invoice[\"send-invoice<br/>send email/invoice-ready\"]", lines);
        Assert.Contains("step_send_invoice --> step_wait_pay", lines);
        Assert.Contains("step_wait_pay -->|\"payment.failed\"| step_check_reason", lines);
        Assert.Contains("step_wait_pay -.->|\"timeout P3D\"| step_remind", lines);
        Assert.Contains("step_check_reason -->|\"event.data.reason eq #quot;card-expired#quot;\"| step_update_card", lines);
        Assert.Contains("step_check_reason -->|\"default\"| step_gave_up", lines);
        Assert.Contains("step_gave_up([\"gave-up<br/>end: failure<br/>unpaid\"])", lines);
    }

    [Fact]
    public void Diagram_OutputMarkdown_WritesFencedMermaidBlock()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var output = _files.PathOf("invoice.md");

        var result = JourneyCli.Run("diagram", journey, "--output", output);

        Assert.Equal(0, result.ExitCode);
        var written = File.ReadAllText(output);
        Assert.StartsWith("```mermaid\nflowchart TD\n", written, StringComparison.Ordinal);
        Assert.EndsWith("```\n", written, StringComparison.Ordinal);
        Assert.Contains(output, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagram_OutputMermaidFile_WritesDiagramOnly()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var output = _files.PathOf("invoice.mmd");

        var result = JourneyCli.Run("diagram", journey, "-o", output);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("flowchart TD\n", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Diagram_OutputDirectoryMissing_ExitsTwo()
    {
        var journey = _files.Write("journey.json", TestJourneys.InvoiceReminder);

        var result = JourneyCli.Run("diagram", journey, "--output", _files.PathOf(Path.Combine("no-such-dir", "out.md")));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot write", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagram_InvalidFile_ExitsOneAndPrintsNoDiagram()
    {
        var journey = _files.Write("broken.json", TestJourneys.Invalid);

        var result = JourneyCli.Run("diagram", journey);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("  /steps/one/next: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagram_MissingFile_ExitsTwo()
    {
        var result = JourneyCli.Run("diagram", _files.PathOf("nowhere.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("file not found", result.Error, StringComparison.Ordinal);
    }
}
