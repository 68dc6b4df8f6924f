using Spectre.Console;

namespace Orchestrator.Cli.Io;

/// <summary>
/// Writes lines of output, in colour only when they go to an interactive terminal, so redirected
/// output and test captures stay plain text.
/// </summary>
internal sealed class StyledWriter
{
    private readonly TextWriter _writer;
    private readonly IAnsiConsole? _console;

    private StyledWriter(TextWriter writer, IAnsiConsole? console)
    {
        _writer = writer;
        _console = console;
    }

    public TextWriter Plain => _writer;

    public static StyledWriter For(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var isTerminal = ReferenceEquals(writer, Console.Out)
            ? !Console.IsOutputRedirected
            : ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;

        // https://no-color.org: any non-empty NO_COLOR turns colour off.
        var colourWanted = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        if (!isTerminal || !colourWanted)
        {
            return new StyledWriter(writer, null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });

        // Spectre wraps text at the terminal width; the terminal wraps long lines itself, and hard
        // breaks would split pointers and messages that people copy.
        console.Profile.Width = int.MaxValue;
        return new StyledWriter(writer, console);
    }

    public void Line(string text = "") => Line(text, Style.Plain);

    public void Success(string text) => Line(text, new Style(Color.Green));

    public void Failure(string text) => Line(text, new Style(Color.Red));

    public void Heading(string text) => Line(text, new Style(decoration: Decoration.Bold));

    public void Muted(string text) => Line(text, new Style(Color.Grey));

    private void Line(string text, Style style)
    {
        if (_console is null)
        {
            _writer.WriteLine(text);
            return;
        }

        _console.Write(new Text(text, style));
        _console.WriteLine();
    }
}
