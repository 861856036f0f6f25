namespace Concierge.Models;

/// <summary>
/// Always the last update of a stream. Result.Response holds the full text and the provider's
/// usage, or is null on failure (with the call log saying why and, after a cut, PartialText).
/// </summary>
public sealed record ModelStreamCompleted(ModelResult Result) : ModelStreamUpdate;
