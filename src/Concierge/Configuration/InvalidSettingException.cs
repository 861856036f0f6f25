namespace Concierge.Configuration;

/// <summary>
/// A setting has a value Concierge cannot run with. The message is one line that names the setting
/// (by the name the operator used) and what is wrong; it never echoes a secret.
/// </summary>
public sealed class InvalidSettingException(string setting, string problem)
    : Exception($"{setting}: {problem}")
{
    public string Setting { get; } = setting;
}
