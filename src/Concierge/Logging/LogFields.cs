using System.Collections;
using System.Globalization;

namespace Concierge.Logging;

/// <summary>
/// A logging scope of named values. Structured formatters (the JSON lines) read its pairs; the text
/// console prints a scope with <see cref="object.ToString"/>, where a dictionary would print its
/// type name, so this one reads "TenantId:… SessionId:…".
/// </summary>
public sealed class LogFields : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields;

    public LogFields(params (string Name, object? Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = [.. fields.Select(f => new KeyValuePair<string, object?>(f.Name, f.Value))];
    }

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        string.Join(' ', _fields.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key}:{f.Value}")));
}
