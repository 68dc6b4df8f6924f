using System.Text.Json;
using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Validate_ValidFile_ExitsZeroAndPrintsCheckMark()
    {
        var file = _files.Write("journey.json", TestJourneys.InvoiceReminder);

        var result = JourneyCli.Run("validate", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"✓ {file}", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Validate_InvalidFile_ExitsOneAndPrintsEachErrorWithItsPointer()
    {
        var file = _files.Write("broken.json", TestJourneys.Invalid);

        var result = JourneyCli.Run("validate", file);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal($"✗ {file}", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  /id: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  /steps/one/next: ", StringComparison.Ordinal) && l.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MalformedJson_ExitsOneAndReportsIt()
    {
        var file = _files.Write("truncated.json", """{ "id": "x", """);

        var result = JourneyCli.Run("validate", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"✗ {file}", result.Output, StringComparison.Ordinal);
        Assert.Contains("\n  /", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFile_ExitsTwoAndSaysFileNotFound()
    {
        var file = _files.PathOf("nowhere.json");

        var result = JourneyCli.Run("validate", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"cannot read '{file}': file not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidAndInvalidFiles_ExitsOneAndReportsBoth()
    {
        var valid = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var invalid = _files.Write("broken.json", TestJourneys.Invalid);

        var result = JourneyCli.Run("validate", valid, invalid);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"✓ {valid}", result.Output, StringComparison.Ordinal);
        Assert.Contains($"✗ {invalid}", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 valid, 1 invalid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingAndInvalidFiles_ExitsTwo()
    {
        var invalid = _files.Write("broken.json", TestJourneys.Invalid);

        var result = JourneyCli.Run("validate", invalid, _files.PathOf("nowhere.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"✗ {invalid}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoFiles_ExitsTwoWithUsageHint()
    {
        var result = JourneyCli.Run("validate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("journey validate --help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_JsonWithInvalidFile_PrintsReportWithPointers()
    {
        var valid = _files.Write("journey.json", TestJourneys.InvoiceReminder);
        var invalid = _files.Write("broken.json", TestJourneys.Invalid);

        var result = JourneyCli.Run("validate", "--json", valid, invalid);

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Output);
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        var files = report.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal([valid, invalid], files.Select(f => f.GetProperty("file").GetString()));
        Assert.True(files[0].GetProperty("valid").GetBoolean());
        Assert.Empty(files[0].GetProperty("errors").EnumerateArray());
        var pointers = files[1].GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()).ToList();
        Assert.Contains("/id", pointers);
        Assert.Contains("/steps/one/next", pointers);
    }

    [Fact]
    public void Validate_JsonWithMissingFile_ReportsReadErrorAndExitsTwo()
    {
        var result = JourneyCli.Run("validate", "--json", _files.PathOf("nowhere.json"));

        Assert.Equal(2, result.ExitCode);
        using var report = JsonDocument.Parse(result.Output);
        var file = report.RootElement.GetProperty("files")[0];
        Assert.Equal("file not found", file.GetProperty("readError").GetString());
    }

    [Fact]
    public void Validate_JsonAllValid_ReportsValidAndExitsZero()
    {
        var file = _files.Write("journey.json", TestJourneys.InvoiceReminder);

        var result = JourneyCli.Run("validate", file, "--json");

        Assert.Equal(0, result.ExitCode);
        using var report = JsonDocument.Parse(result.Output);
        Assert.True(report.RootElement.GetProperty("valid").GetBoolean());
    }
}
