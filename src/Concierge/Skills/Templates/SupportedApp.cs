namespace Concierge.Skills.Templates;

/// <summary>An Android app that receives a one-tap or zero-tap code (<c>package_name</c>, <c>signature_hash</c>).</summary>
public sealed record SupportedApp(string PackageName, string SignatureHash);
