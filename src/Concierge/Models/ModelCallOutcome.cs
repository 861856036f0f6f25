namespace Concierge.Models;

/// <summary>The outcome values of <see cref="ModelCallLog.Outcome"/> (also the metrics' outcome tag).</summary>
public static class ModelCallOutcome
{
    public const string Ok = "ok";
    public const string Timeout = "timeout";
    public const string Malformed = "malformed";
    public const string CircuitOpen = "circuit_open";
    public const string NetworkError = "network_error";

    /// <summary>A stream broke off after text was delivered; it is not retried (the text is already out).</summary>
    public const string StreamInterrupted = "stream_interrupted";

    public static string Http(int status) => $"http_{status}";
}
