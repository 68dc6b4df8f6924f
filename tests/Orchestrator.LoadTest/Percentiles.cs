namespace Orchestrator.LoadTest;

/// <summary>Nearest-rank percentiles of a sample, in milliseconds.</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> milliseconds) => _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double this[double percentile] =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public override string ToString() =>
        _sorted.Length == 0 ? "no samples" : $"p50 {this[50]:0.0} ms, p90 {this[90]:0.0} ms, p99 {this[99]:0.0} ms, max {_sorted[^1]:0.0} ms (n = {_sorted.Length})";
}
