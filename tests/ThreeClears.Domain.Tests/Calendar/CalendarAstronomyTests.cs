using ThreeClears.Domain.Calendar;

namespace ThreeClears.Domain.Tests.Calendar;

public class CalendarAstronomyTests
{
    [Theory]
    [InlineData(2000, 1, 1, 2_451_545)] // J2000.0 is 2000-01-01 12:00, JD 2451545.0
    [InlineData(1858, 11, 17, 2_400_001)] // MJD 0 = JD 2400000.5 = midnight starting 1858-11-17
    [InlineData(1582, 10, 15, 2_299_161)] // the first Gregorian day
    [InlineData(1900, 1, 1, 2_415_021)]
    public void Julian_day_numbers_of_known_dates(int y, int m, int d, int jdn)
    {
        Assert.Equal(jdn, CalendarAstronomy.JulianDayNumber(new DateOnly(y, m, d)));
        Assert.Equal(new DateOnly(y, m, d), CalendarAstronomy.FromJulianDayNumber(jdn));
    }

    [Fact]
    public void Julian_day_number_agrees_with_the_Fliegel_Van_Flandern_arithmetic()
    {
        for (var date = new DateOnly(1800, 1, 1); date <= new DateOnly(2300, 12, 31); date = date.AddDays(1))
        {
            int a = (14 - date.Month) / 12;
            int y = date.Year + 4800 - a;
            int m = date.Month + 12 * a - 3;
            int jdn = date.Day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
            Assert.Equal(jdn, CalendarAstronomy.JulianDayNumber(date));
        }
    }

    [Fact]
    public void New_moon_of_February_1977_is_Meeus_example_49a()
    {
        // k = −283 (1977.13 − 2000 = −22.87 years × 12.3685 lunations a year); JDE 2443192.65118 = 1977-02-18 03:37:42 TT.
        Assert.Equal(2_443_192.65118, CalendarAstronomy.NewMoonTerrestrialTime(-283), 0.00002);
    }

    [Fact]
    public void Sun_apparent_longitude_is_Meeus_example_25a()
    {
        // 1992-10-13 0h TT = JDE 2448908.5: apparent λ = 199.90895° by the same low-accuracy method.
        Assert.Equal(199.90895, CalendarAstronomy.SunApparentLongitudeTerrestrialTime(2_448_908.5), 0.0001);
    }

    [Fact]
    public void Delta_t_is_about_a_minute_around_2000()
    {
        Assert.Equal(63.86, CalendarAstronomy.DeltaTSeconds(2000.0), 0.01);
        Assert.InRange(CalendarAstronomy.DeltaTSeconds(1950.0), 28.0, 30.0);
        Assert.InRange(CalendarAstronomy.DeltaTSeconds(1900.0), -3.0, -2.0);
    }

    [Theory]
    // Published instants (UT) of new moons that decide a Vietnam/China difference: minutes from midnight at UTC+7.
    [InlineData(2007, 2, 17, 16, 14)] // 23:14 in Hanoi, 00:14 next day in Beijing
    [InlineData(2030, 2, 2, 16, 7)] // 23:07 in Hanoi, 00:07 next day in Beijing
    [InlineData(2025, 1, 29, 12, 36)] // Tết 2025
    public void New_moons_are_within_two_minutes_of_the_published_instants(int y, int m, int d, int hour, int minute)
    {
        double published = CalendarAstronomy.JulianDayNumber(new DateOnly(y, m, d)) - 0.5 + (hour + minute / 60.0) / 24.0;
        int k = CalendarAstronomy.NewMoonIndexAtOrBefore(published + 0.5);
        Assert.Equal(published, CalendarAstronomy.NewMoonUt(k), 2.0 / 1440);
    }

    [Fact]
    public void Winter_solstice_2025_is_within_fifteen_minutes_of_the_published_instant()
    {
        // Published: 2025-12-21 15:03 UT. The low-accuracy Sun is good to ~0.01°, i.e. ~15 minutes.
        double published = CalendarAstronomy.JulianDayNumber(new DateOnly(2025, 12, 21)) - 0.5 + (15 + 3 / 60.0) / 24.0;
        double computed = CalendarAstronomy.SolarLongitudeInstant(270.0, published - 3);
        Assert.Equal(published, computed, 15.0 / 1440);
    }

    [Fact]
    public void Local_dates_shift_with_the_time_zone()
    {
        double newMoon2007 = CalendarAstronomy.JulianDayNumber(new DateOnly(2007, 2, 17)) - 0.5 + 16.25 / 24; // 16:15 UT
        Assert.Equal(new DateOnly(2007, 2, 17), CalendarAstronomy.LocalDate(newMoon2007, 7)); // 23:15
        Assert.Equal(new DateOnly(2007, 2, 18), CalendarAstronomy.LocalDate(newMoon2007, 8)); // 00:15
        Assert.Equal(CalendarAstronomy.JulianDayNumber(new DateOnly(2007, 2, 18)) - 0.5 - 7.0 / 24,
            CalendarAstronomy.LocalMidnight(new DateOnly(2007, 2, 18), 7), 1e-9);
    }
}
