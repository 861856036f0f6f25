namespace Concierge.Jobs;

/// <summary>Thrown by a handler when retrying cannot help (bad payload, a record that is gone): the job goes dead at once.</summary>
public sealed class PermanentJobFailure : Exception
{
    public PermanentJobFailure()
    {
    }

    public PermanentJobFailure(string message)
        : base(message)
    {
    }

    public PermanentJobFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
