using Npgsql;
using ThreeClears.Web.Data;

namespace ThreeClears.Web.Tests;

/// <summary>The PostgreSQL connection settings the app adds for its hot paths, and that an explicit setting wins.</summary>
public sealed class DatabaseSetupTests
{
    [Fact]
    public void Connections_are_auto_prepared_and_not_reset_unless_the_connection_string_says_otherwise()
    {
        var added = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=threeclears"));
        Assert.Equal((64, true), (added.MaxAutoPrepare, added.NoResetOnClose));

        var kept = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Max Auto Prepare=0;No Reset On Close=false"));
        Assert.Equal((0, false), (kept.MaxAutoPrepare, kept.NoResetOnClose));
    }
}
