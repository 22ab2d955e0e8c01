using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ActionAgent.Scheduling;

/// <summary>
/// The database the scheduler uses: SQLite at <c>DATA/schedule.db</c> by default, or PostgreSQL when <c>--store</c>
/// (or <c>ACTIONAGENT_STORE</c>) gives a connection string (<c>Host=…;Database=…</c> or <c>postgres://…</c>).
/// </summary>
public sealed record ScheduleStore
{
    private ScheduleStore(StoreKind kind, string connectionString, string dataFolder)
    {
        Kind = kind;
        ConnectionString = connectionString;
        DataFolder = dataFolder;
    }

    /// <summary>Which database.</summary>
    public StoreKind Kind { get; }

    /// <summary>The ADO.NET connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The data folder (worker logs and default recordings go here).</summary>
    public string DataFolder { get; }

    /// <summary>The store named by the options and environment.</summary>
    /// <exception cref="ScheduleException">The store option is not a connection string this understands.</exception>
    public static ScheduleStore Resolve(string? dataOption, string? storeOption, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var data = ActionAgent.Scheduling.DataFolder.Resolve(dataOption, environment);
        var store = !string.IsNullOrWhiteSpace(storeOption) ? storeOption : environment("ACTIONAGENT_STORE");
        if (string.IsNullOrWhiteSpace(store) || store.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite(Path.Combine(data, "schedule.db"), data);
        }
        if (store.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite(Path.GetFullPath(store["sqlite:".Length..]), data);
        }
        return new ScheduleStore(StoreKind.Postgres, PostgresConnectionString(store), data);
    }

    /// <summary>An SQLite store in the given file.</summary>
    public static ScheduleStore Sqlite(string file, string dataFolder)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30, Pooling = true };
        return new ScheduleStore(StoreKind.Sqlite, builder.ToString(), dataFolder);
    }

    /// <summary>A PostgreSQL store.</summary>
    public static ScheduleStore Postgres(string connectionString, string dataFolder) =>
        new(StoreKind.Postgres, PostgresConnectionString(connectionString), dataFolder);

    /// <summary>Where the store is, for messages: the file, or host/port/database (never the password).</summary>
    public string Describe()
    {
        if (Kind == StoreKind.Sqlite) return "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    /// <summary>A new, closed connection to the store.</summary>
    public DbConnection CreateConnection() => Kind == StoreKind.Sqlite
        ? new SqliteConnection(ConnectionString)
        : new NpgsqlConnection(ConnectionString);

    private static string PostgresConnectionString(string text)
    {
        try
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "postgres" or "postgresql")
            {
                var b = new NpgsqlConnectionStringBuilder
                {
                    Host = uri.Host,
                    Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
                    Database = uri.AbsolutePath.Trim('/'),
                };
                var user = uri.UserInfo.Split(':', 2);
                if (user[0].Length > 0) b.Username = Uri.UnescapeDataString(user[0]);
                if (user.Length > 1) b.Password = Uri.UnescapeDataString(user[1]);
                return b.ToString();
            }
            return new NpgsqlConnectionStringBuilder(text).ToString();
        }
        catch (ArgumentException e)
        {
            throw new ScheduleException(ScheduleErrorKind.BadInput,
                $"--store: '{Redacted(text)}' is neither 'sqlite', 'sqlite:FILE', a postgres:// URL nor a PostgreSQL connection string ({e.Message}).");
        }
    }

    private static string Redacted(string text) => System.Text.RegularExpressions.Regex.Replace(text, "(?i)(password=)[^;]*|(://[^:/@]*:)[^@]*@", "$1$2***@");
}
