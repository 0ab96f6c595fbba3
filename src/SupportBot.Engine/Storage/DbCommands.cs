using System.Data.Common;

namespace SupportBot.Storage;

/// <summary>Parameters written the same way for SQLite and PostgreSQL (<c>@name</c> in the SQL).</summary>
internal static class DbCommands
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            // Every nullable value the stores write is text; PostgreSQL needs a type to compare or coalesce a null.
            parameter.DbType = System.Data.DbType.String;
        }

        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>A time as stored: round-trip text in UTC, which orders and compares as the times do in both databases.</summary>
    public static DbCommand WithTime(this DbCommand command, string name, DateTimeOffset? at) =>
        command.With(name, at is { } time ? StoredTime.Write(time) : null);

    public static string? TextOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset Time(this DbDataReader reader, int ordinal) => StoredTime.Read(reader.GetString(ordinal));

    public static DateTimeOffset? TimeOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.Time(ordinal);

    /// <summary>A whole number whichever integer type the column has (SQLite's INTEGER, PostgreSQL's integer or bigint).</summary>
    public static long Whole(this DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
