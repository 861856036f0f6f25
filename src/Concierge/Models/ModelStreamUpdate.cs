namespace Concierge.Models;

/// <summary>One item of <see cref="ILanguageModel.StreamAsync"/>: text as it arrives, then the result.</summary>
public abstract record ModelStreamUpdate;
