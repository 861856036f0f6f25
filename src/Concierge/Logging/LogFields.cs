using System.Collections;
using System.Globalization;

namespace Concierge.Logging;

/// <summary>
/// A logging scope of named values. Structured formatters (the JSON lines) read its pairs; the text
/// console prints a scope with <see cref="object.ToString"/>, where a dictionary would print its
/// type name, so this one reads "TenantId:… SessionId:…".
/// </summary>
public sealed class LogFields(params (string Name, object? Value)[] fields) : IReadOnlyList<KeyValuePair<string, object?>>
{
    // Kept as given: a scope is made per request, turn and job, and read only when a line is written.
    private readonly (string Name, object? Value)[] _fields = fields ?? throw new ArgumentNullException(nameof(fields));

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => new(_fields[index].Name, _fields[index].Value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // A field without a value is left out: "SessionId: JobId:…" reads as if the job id were the session's.
    public override string ToString() =>
        string.Join(' ', _fields.Where(f => f.Value is not null).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name}:{f.Value}")));
}
