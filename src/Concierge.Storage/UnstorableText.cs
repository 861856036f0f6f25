using Npgsql;

namespace Concierge.Storage;

/// <summary>
/// Tells text PostgreSQL refuses to store or compare (a NUL character, which no PostgreSQL text
/// column holds, in a field or a filter the routes pass on as sent) from a bug in a query. The
/// sender's input, so a 400 at the edge rather than a 500; SQLite stores such text as it is.
/// </summary>
public static class UnstorableText
{
    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            // 22021: invalid byte sequence for encoding "UTF8" (a NUL); 22P05: untranslatable character (\u0000 in jsonb).
            if (e is PostgresException { SqlState: "22021" or "22P05" })
            {
                return true;
            }
        }

        return false;
    }
}
