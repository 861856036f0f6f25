using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Concierge.Storage;

/// <summary>A write refused by a unique index or primary key: how a race between two writers shows.</summary>
internal static class UniqueViolation
{
    // SQLite's extended codes: 2067 SQLITE_CONSTRAINT_UNIQUE, 1555 SQLITE_CONSTRAINT_PRIMARYKEY.
    // Other constraints (NOT NULL, CHECK, foreign keys) share the primary code 19 and are not races.
    public static bool Is(DbException e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } || e is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
}
