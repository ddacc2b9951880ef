using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThreeClears.Web.Features.Calendar;

/// <summary>The administrator's replacement of one year's holidays and swapped working days.</summary>
public sealed class CalendarOverride
{
    public int Year { get; set; }
    public List<CalendarHoliday> Holidays { get; set; } = [];
    /// <summary>Weekend dates that are worked (swaps).</summary>
    public List<DateOnly> WorkingDays { get; set; } = [];
    public int Version { get; set; } = 1;
}

public sealed class CalendarHoliday
{
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
}

internal sealed class CalendarOverrideConfiguration : IEntityTypeConfiguration<CalendarOverride>
{
    public void Configure(EntityTypeBuilder<CalendarOverride> b)
    {
        b.ToTable("calendar_years");
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.OwnsMany(x => x.Holidays, h => h.ToJson());
        b.PrimitiveCollection(x => x.WorkingDays);
    }
}
