namespace Concierge.Models;

/// <summary>A piece of the answer, passed on as soon as the provider sent it.</summary>
public sealed record ModelTextDelta(string Text) : ModelStreamUpdate;
