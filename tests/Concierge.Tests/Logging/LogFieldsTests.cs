using Concierge.Logging;

namespace Concierge.Tests.Logging;

public class LogFieldsTests
{
    [Fact]
    public void Text_logs_read_the_names_and_values_rather_than_a_type_name_and_leave_out_fields_without_a_value()
    {
        var tenant = Guid.Parse("00000000-0000-7000-8000-000000000001");

        var fields = new LogFields(("TenantId", tenant), ("SessionId", null), ("Attempt", 2.5));

        Assert.Equal("TenantId:00000000-0000-7000-8000-000000000001 Attempt:2.5", fields.ToString());
    }

    [Fact]
    public void Structured_formatters_read_the_pairs_in_order()
    {
        var fields = new LogFields(("RequestId", "r-1"), ("JobId", 7));

        Assert.Equal([new("RequestId", "r-1"), new("JobId", 7)], fields.ToList<KeyValuePair<string, object?>>());
        Assert.Equal(2, fields.Count);
        Assert.Equal("JobId", fields[1].Key);
    }
}
